package dev.khabar.processor.enrich;

import dev.khabar.processor.clean.FoldedText;
import dev.khabar.processor.clean.MatchKey;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides an article's language by script first, then by function words.
 *
 * <ul>
 *   <li>The script is the Unicode script of most letters (the first {@value #SAMPLE} characters).</li>
 *   <li>Devanagari is Hindi unless Marathi or Nepali function words outnumber Hindi ones.</li>
 *   <li>Latin with Vietnamese letters (ơ, ư, ă, đ, ạ, ế...) is Vietnamese; otherwise function
 *       words decide among English, romanised Hindi ("kya", "hai", "mein", "nahi"), French,
 *       German, Spanish, Portuguese, Italian, Dutch, Indonesian and Vietnamese without marks.</li>
 *   <li>Cyrillic is Russian unless Ukrainian letters (і, ї, є, ґ) or Bulgarian words decide.</li>
 *   <li>Other scripts map to their main language (Bengali → bn, Hangul → ko, Arabic with Urdu
 *       letters → ur...).</li>
 * </ul>
 * The hint (an ISO code, e.g. from the page's {@code lang}) is used when the words say nothing.
 */
public final class LanguageDetector {

    /** A language (ISO 639-1, or "und") and the script it is written in. */
    public record Detection(String language, String script) {
    }

    static final int SAMPLE = 4000;
    private static final int MIN_HITS = 2;

    private final LanguageProfiles profiles;

    LanguageDetector(LanguageProfiles profiles) {
        this.profiles = profiles;
    }

    public static LanguageDetector defaults() {
        return new LanguageDetector(LanguageProfiles.defaults());
    }

    public Detection detect(String text, String hint) {
        String sample = text == null ? "" : text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        return detect(sample, FoldedText.of(sample), hint);
    }

    /** As {@link #detect(String, String)}, with the text already folded. */
    public Detection detect(String text, FoldedText folded, String hint) {
        Character.UnicodeScript script = dominantScript(text);
        String hintCode = normaliseHint(hint);
        String scriptName = scriptName(script);
        String language = switch (script) {
            case DEVANAGARI -> byWords(folded, "Devanagari", "hi", hintCode);
            case LATIN -> latin(text, folded, hintCode);
            case CYRILLIC -> cyrillic(text, folded, hintCode);
            case ARABIC -> arabic(text);
            case HAN -> hasKana(text) ? "ja" : "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case UNKNOWN, COMMON -> hintCode == null ? "und" : hintCode;
            default -> single(script, hintCode);
        };
        return new Detection(language, scriptName);
    }

    private String latin(String text, FoldedText folded, String hint) {
        if (vietnameseLetters(text) >= 3) {
            return "vi";
        }
        return byWords(folded, "Latin", hint != null ? hint : "und", hint);
    }

    private String cyrillic(String text, FoldedText folded, String hint) {
        int ukrainian = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ') {
                ukrainian++;
            }
        }
        if (ukrainian >= 2) {
            return "uk";
        }
        return byWords(folded, "Cyrillic", "ru", hint);
    }

    /** The language whose profile words occur most; {@code fallback} below {@value #MIN_HITS}. */
    private String byWords(FoldedText folded, String script, String fallback, String hint) {
        Map<String, Set<String>> byLanguage = profiles.forScript(script);
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, Set<String>> e : byLanguage.entrySet()) {
            int hits = 0;
            Set<String> words = e.getValue();
            for (int t = 0, n = folded.tokenCount(); t < n; t++) {
                if (words.contains(folded.token(t))) {
                    hits++;
                }
            }
            if (e.getKey().equals(hint)) {
                hits += 1; // a hint breaks ties
            }
            if (hits > bestHits) {
                best = e.getKey();
                bestHits = hits;
            }
        }
        return best != null && bestHits >= MIN_HITS ? best : fallback;
    }

    private static int vietnameseLetters(String text) {
        int count = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= '\u1EA0' && c <= '\u1EF9') || c == 'ơ' || c == 'ư' || c == 'ă' || c == 'đ') {
                count++;
            }
        }
        return count;
    }

    private static String arabic(String text) {
        boolean persian = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == 'ٹ' || c == 'ڈ' || c == 'ڑ' || c == 'ں' || c == 'ے' || c == 'ھ') {
                return "ur";
            }
            persian |= c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ';
        }
        return persian ? "fa" : "ar";
    }

    private static boolean hasKana(String text) {
        return text.codePoints().anyMatch(cp -> {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
        });
    }

    private static String single(Character.UnicodeScript script, String hint) {
        return switch (script) {
            case BENGALI -> "as".equals(hint) ? "as" : "bn";
            case GURMUKHI -> "pa";
            case GUJARATI -> "gu";
            case ORIYA -> "or";
            case TAMIL -> "ta";
            case TELUGU -> "te";
            case KANNADA -> "kn";
            case MALAYALAM -> "ml";
            case SINHALA -> "si";
            case THAI -> "th";
            case LAO -> "lo";
            case KHMER -> "km";
            case MYANMAR -> "my";
            case HANGUL -> "ko";
            case GREEK -> "el";
            case HEBREW -> "yi".equals(hint) ? "yi" : "he";
            case GEORGIAN -> "ka";
            case ARMENIAN -> "hy";
            case ETHIOPIC -> "am";
            case TIBETAN -> "bo";
            default -> hint == null ? "und" : hint;
        };
    }

    /** Most frequent script among letters; COMMON when there are no letters. */
    static Character.UnicodeScript dominantScript(String text) {
        int[] counts = new int[Character.UnicodeScript.values().length];
        int n = Math.min(text.length(), SAMPLE);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                counts[Character.UnicodeScript.of(c).ordinal()]++;
            }
        }
        int best = Character.UnicodeScript.COMMON.ordinal();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return Character.UnicodeScript.values()[best];
    }

    /** "DEVANAGARI" → "Devanagari"; COMMON (no letters) → "Zyyy". */
    static String scriptName(Character.UnicodeScript script) {
        if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.UNKNOWN) {
            return "Zyyy";
        }
        String name = script.name().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                out.append(' ');
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String normaliseHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String code = MatchKey.of(hint.strip());
        int dash = code.indexOf('-');
        code = dash > 0 ? code.substring(0, dash) : code;
        int underscore = code.indexOf('_');
        code = underscore > 0 ? code.substring(0, underscore) : code;
        return code.length() == 2 && !code.equals("un") ? code : null;
    }
}
