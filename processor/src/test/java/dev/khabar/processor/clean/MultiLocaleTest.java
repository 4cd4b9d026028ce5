package dev.khabar.processor.clean;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs a text test once per default locale (English, Turkish — whose dotted and dotless i break
 * naive case folding — and Hindi), restoring the default afterwards. Text code must fold case with
 * {@code Locale.ROOT}; this catches the places that do not.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(MultiLocaleTest.Locales.class)
public @interface MultiLocaleTest {

    /** Provides one invocation per locale. */
    final class Locales implements TestTemplateInvocationContextProvider {
        private static final List<Locale> LOCALES =
                List.of(Locale.US, Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("hi-IN"));

        @Override
        public boolean supportsTestTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            return LOCALES.stream().map(Locales::invocation);
        }

        private static TestTemplateInvocationContext invocation(Locale locale) {
            return new TestTemplateInvocationContext() {
                @Override
                public String getDisplayName(int invocationIndex) {
                    return "locale " + locale.toLanguageTag();
                }

                @Override
                public List<Extension> getAdditionalExtensions() {
                    return List.of(new Switch(locale));
                }
            };
        }
    }

    /** Sets the default locale around one invocation. */
    final class Switch implements BeforeEachCallback, AfterEachCallback {
        private final Locale locale;
        private Locale previous;

        Switch(Locale locale) {
            this.locale = locale;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            previous = Locale.getDefault();
            Locale.setDefault(locale);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Locale.setDefault(previous);
        }
    }
}
