package dev.khabar.processor.enrich;

import dev.khabar.processor.clean.FoldedText;
import dev.khabar.processor.clean.MatchKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    static final int SAMPLE = 2000;
    static final int MAX_TOKENS = 400;
    private static final int MIN_HITS = 2;

    /** Per script: the languages of its profiles, and each profile word → bit set of languages. */
    private record ScriptProfiles(List<String> languages, Map<String, Integer> words) {
    }

    private final Map<String, ScriptProfiles> byScript = new HashMap<>();

    LanguageDetector(LanguageProfiles profiles) {
        for (Map.Entry<String, Map<String, Set<String>>> script : profiles.profiles().entrySet()) {
            List<String> languages = new ArrayList<>(script.getValue().keySet());
            Map<String, Integer> words = new HashMap<>();
            for (int i = 0; i < languages.size() && i < 31; i++) {
                int bit = 1 << i;
                script.getValue().get(languages.get(i)).forEach(w -> words.merge(w, bit, (a, b) -> a | b));
            }
            byScript.put(script.getKey(), new ScriptProfiles(List.copyOf(languages), Map.copyOf(words)));
        }
    }

    public static LanguageDetector defaults() {
        return new LanguageDetector(LanguageProfiles.defaults());
    }

    public Detection detect(String text, String hint) {
        String sample = text == null ? "" : text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        return detect(sample, FoldedText.of(sample), hint);
    }

    /**
     * As {@link #detect(String, String)}, with the text already folded; the script is decided on
     * the first {@value #SAMPLE} characters, the words on the first {@value #MAX_TOKENS}.
     */
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
        ScriptProfiles p = byScript.get(script);
        if (p == null) {
            return fallback;
        }
        int[] hits = new int[p.languages().size()];
        int[] occurrences = new int[folded.distinctTokenCount()]; // each word is looked up once
        for (int t = 0, n = Math.min(MAX_TOKENS, folded.tokenCount()); t < n; t++) {
            occurrences[folded.tokenId(t)]++;
        }
        for (int d = 0; d < occurrences.length; d++) {
            Integer mask = occurrences[d] == 0 ? null : p.words().get(folded.distinctToken(d));
            if (mask != null) {
                for (int m = mask; m != 0; m &= m - 1) {
                    hits[Integer.numberOfTrailingZeros(m)] += occurrences[d];
                }
            }
        }
        String best = null;
        int bestHits = 0;
        for (int i = 0; i < hits.length; i++) {
            int h = hits[i] + (p.languages().get(i).equals(hint) ? 1 : 0); // a hint breaks ties
            if (h > bestHits) {
                best = p.languages().get(i);
                bestHits = h;
            }
        }
        return best != null && bestHits >= MIN_HITS ? best : fallback;
    }

    private static int vietnameseLetters(String text) {
        int count = 0;
        for (int i = 0, n = Math.min(text.length(), SAMPLE); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x0100 && ((c >= '\u1EA0' && c <= '\u1EF9') || c == 'ơ' || c == 'Ơ' || c == 'ư' || c == 'Ư'
                    || c == 'ă' || c == 'Ă' || c == 'đ' || c == 'Đ')) {
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
        int latin = Character.UnicodeScript.LATIN.ordinal();
        int devanagari = Character.UnicodeScript.DEVANAGARI.ordinal();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                counts[latin]++;
            } else if (c >= '\u0900' && c <= '\u097F') {
                if (Character.isLetter(c)) {
                    counts[devanagari]++;
                }
            } else if (c >= 0x80 && Character.isLetter(c)) {
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
