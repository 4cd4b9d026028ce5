package dev.khabar.processor.enrich;

import com.ibm.icu.text.Transliterator;

/**
 * Writes a non-Latin title in plain Latin letters with ICU's {@code Any-Latin; Latin-ASCII}
 * ("पुतिन की वियतनाम यात्रा" → "putina ki viyatanama yatra"; Devanagari keeps ICU's inherent
 * vowels). Returns {@code null} for titles that are already Latin or have no letters.
 */
final class TitleRomanizer {

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    String romanize(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        Character.UnicodeScript script = LanguageDetector.dominantScript(title);
        if (script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.COMMON) {
            return null;
        }
        return TO_LATIN.get().transliterate(title).replaceAll("\\s+", " ").strip();
    }
}
