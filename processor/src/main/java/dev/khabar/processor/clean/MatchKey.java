package dev.khabar.processor.clean;

import java.text.Normalizer;

/**
 * Matching keys: a folded form of text used to compare phrases, never shown to anyone.
 *
 * <p>Folding is per character (one source character becomes zero or one key character, except
 * a Devanagari nasal-plus-virama pair, which becomes one anusvara), so every key character can
 * be traced back to the source text; see {@link FoldedText}. It:
 * <ul>
 *   <li>lower-cases with the locale-independent simple case mapping ({@code Locale.ROOT});</li>
 *   <li>strips Latin diacritics ({@code Hà Nội → ha noi}, {@code đ → d}) and maps Cyrillic
 *       {@code ё → е};</li>
 *   <li>folds Hindi spelling variants: nukta dropped ({@code फ़रवरी → फरवरी}), chandrabindu to
 *       anusvara ({@code पहुँचे → पहुंचे}), a nasal consonant with virama before a consonant to
 *       anusvara ({@code सितम्बर → सितंबर}), {@code क्त → क्ट} ({@code अक्तूबर → अक्टूबर});</li>
 *   <li>maps Devanagari digits to ASCII digits and drops zero-width characters.</li>
 * </ul>
 */
public final class MatchKey {

    static final char NUKTA = '\u093C';
    static final char VIRAMA = '\u094D';
    static final char ANUSVARA = '\u0902';
    static final char CHANDRABINDU = '\u0901';
    private static final char DROP = '\uFFFF';
    private static final char[] LATIN = latinTable();
    /** {@link #slowFold} precomputed for U+0000..U+1FFF, which covers nearly all news text. */
    private static final char[] TABLE = table();

    private MatchKey() {
    }

    /** The matching key of {@code text}. */
    public static String of(CharSequence text) {
        return FoldedText.of(text.toString()).key();
    }

    /**
     * The key character for {@code c}, {@link #DROP} when it has none. The context-dependent
     * Devanagari rules (nasal clusters, {@code क्त}) are applied by {@link FoldedText}.
     */
    static char fold(char c) {
        return c < TABLE.length ? TABLE[c] : slowFold(c);
    }

    private static char[] table() {
        char[] t = new char[0x2000];
        for (int c = 0; c < t.length; c++) {
            t[c] = slowFold((char) c);
        }
        return t;
    }

    private static char slowFold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c >= 0x0900 && c <= 0x097F) {
            return foldDevanagari(c);
        }
        if (c >= 0x0300 && c <= 0x036F) {
            return DROP; // combining diacritics of decomposed Latin text
        }
        if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
                || c == '\u00AD') {
            return DROP;
        }
        char lower = Character.toLowerCase(c);
        if (lower >= 0x00C0 && lower <= 0x024F) {
            return LATIN[lower - 0x00C0];
        }
        if (lower >= 0x1E00 && lower <= 0x1EFF) {
            return LATIN[lower - 0x1E00 + 0x0190];
        }
        if (lower == 'ё') {
            return 'е';
        }
        return lower;
    }

    static boolean isDropped(char c) {
        return c == DROP;
    }

    private static char foldDevanagari(char c) {
        if (c == NUKTA) {
            return DROP;
        }
        if (c == CHANDRABINDU) {
            return ANUSVARA;
        }
        if (c >= '\u0958' && c <= '\u095F') {
            return "कखगजडढफय".charAt(c - '\u0958');
        }
        if (c >= '\u0966' && c <= '\u096F') {
            return (char) ('0' + (c - '\u0966'));
        }
        return c;
    }

    static boolean isDevanagariConsonant(char c) {
        return (c >= '\u0915' && c <= '\u0939') || (c >= '\u0958' && c <= '\u095F');
    }

    static boolean isNasalConsonant(char c) {
        return c == 'ङ' || c == 'ञ' || c == 'ण' || c == 'न' || c == 'म';
    }

    /** Base letters for U+00C0..U+024F (index 0..0x18F) and U+1E00..U+1EFF (from 0x190). */
    private static char[] latinTable() {
        char[] table = new char[0x190 + 0x100];
        for (int i = 0; i < table.length; i++) {
            char c = (char) (i < 0x190 ? 0x00C0 + i : 0x1E00 + i - 0x190);
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = decomposed.charAt(0);
            table[i] = base < 0x80 ? Character.toLowerCase(base) : Character.toLowerCase(c);
        }
        table['đ' - 0x00C0] = 'd';
        table['Đ' - 0x00C0] = 'd';
        table['ø' - 0x00C0] = 'o';
        table['Ø' - 0x00C0] = 'o';
        table['ł' - 0x00C0] = 'l';
        table['Ł' - 0x00C0] = 'l';
        table['ı' - 0x00C0] = 'i';
        return table;
    }
}
