package dev.khabar.ingest.extract;

import java.util.Locale;
import java.util.stream.Stream;

/** Default locales text tests run under, and a way to install one for the current test. */
final class Locales {
    private static final Locale ORIGINAL = Locale.getDefault();

    private Locales() {
    }

    static Stream<Locale> all() {
        return Stream.of(Locale.ROOT, Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("hi-IN"),
                Locale.forLanguageTag("ar-EG-u-nu-arab"));
    }

    static void use(Locale locale) {
        Locale.setDefault(locale);
    }

    static void restore() {
        Locale.setDefault(ORIGINAL);
    }
}
