package dev.khabar.processor.enrich;

import com.ibm.icu.text.Transliterator;

/**
 * Writes a non-Latin title in plain Latin letters: Devanagari with {@link DevanagariRomanizer}
 * (Hindi schwa deletion: "रक्षा समझौता" → "raksha samjhauta"), other scripts with ICU's
 * {@code Any-Latin; Latin-ASCII} ("Путин прибыл в Ханой" → "Putin pribyl v Khanoj"). Returns
 * {@code null} for titles that are already Latin or have no letters.
 */
final class TitleRomanizer {

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private final DevanagariRomanizer devanagari = new DevanagariRomanizer();

    String romanize(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        Character.UnicodeScript script = LanguageDetector.dominantScript(title);
        if (script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.COMMON) {
            return null;
        }
        String latin = script == Character.UnicodeScript.DEVANAGARI ? devanagari.romanize(title)
                : TO_LATIN.get().transliterate(title);
        return latin.replaceAll("\\s+", " ").strip();
    }
}
