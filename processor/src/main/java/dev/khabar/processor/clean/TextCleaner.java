package dev.khabar.processor.clean;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * Cleans extracted article text. In order: repairs mojibake ({@link MojibakeRepair}), applies
 * Unicode NFC, turns every kind of line break into {@code \n} and every other space into one
 * ASCII space, removes zero-width and control characters (but keeps ZWJ and ZWNJ between
 * Devanagari characters, where they select conjunct forms), straightens curly quotes, reads a
 * {@code |} after Devanagari as the danda {@code ।}, and drops boilerplate lines
 * ({@link BoilerplatePhrases}). Paragraphs in the result are separated by a single {@code \n};
 * lines are trimmed and empty lines dropped.
 *
 * <p>Immutable and thread-safe.
 */
public final class TextCleaner {

    private static final int MAX_KEY_LINE = BoilerplatePhrases.PREFIX_LINE_MAX;

    private final Set<String> lineKeys = new HashSet<>();
    private final Set<String> prefixKeys = new HashSet<>();
    /** First words of all phrases: a line whose first word is not one of them is kept at once. */
    private final Set<String> firstWords = new HashSet<>();
    private final int maxPrefixTokens;
    /** Lines longer than this cannot be a whole-line phrase (keys only shrink; allow punctuation). */
    private final int maxLineLength;
    /** How much of a line's start to fold to find a prefix phrase. */
    private final int maxPrefixLength;

    public TextCleaner(BoilerplatePhrases phrases) {
        int longestTokens = 0;
        int longestLine = 0;
        int longestPrefix = 0;
        for (String line : phrases.lines()) {
            FoldedText folded = FoldedText.of(line);
            lineKeys.add(lineKey(folded, Integer.MAX_VALUE));
            firstWords.add(folded.token(0));
            longestLine = Math.max(longestLine, line.length());
        }
        for (String prefix : phrases.prefixes()) {
            FoldedText folded = FoldedText.of(prefix);
            prefixKeys.add(lineKey(folded, Integer.MAX_VALUE));
            firstWords.add(folded.token(0));
            longestTokens = Math.max(longestTokens, folded.tokenCount());
            longestPrefix = Math.max(longestPrefix, prefix.length());
        }
        this.maxPrefixTokens = longestTokens;
        this.maxLineLength = 2 * longestLine + 20;
        this.maxPrefixLength = 2 * longestPrefix + 20;
    }

    /** A cleaner with the built-in boilerplate phrases. */
    public static TextCleaner defaults() {
        return new TextCleaner(BoilerplatePhrases.defaults());
    }

    /** The cleaned text; {@code null} becomes the empty string. */
    public String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = MojibakeRepair.repair(text);
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        char[] chars = new char[s.length()];
        int n = normaliseCharacters(s, chars);
        char[] out = new char[n];
        int length = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && chars[end] != '\n') {
                end++;
            }
            int lineStart = length + (length > 0 ? 1 : 0);
            int lineEnd = collapseSpaces(chars, start, end, out, lineStart);
            if (lineEnd > lineStart && (lineEnd - lineStart > MAX_KEY_LINE
                    || !isBoilerplate(new String(out, lineStart, lineEnd - lineStart)))) {
                if (length > 0) {
                    out[length] = '\n';
                }
                length = lineEnd;
            }
            start = end + 1;
        }
        return new String(out, 0, length);
    }

    /**
     * A cheap first test: whether the line's first word could start a phrase. Only the text up to
     * the first space after a word is folded (a space is never part of a token or dropped by
     * folding, so that word's fold is the line's first token); most lines of an article stop here.
     */
    private boolean startsWithFirstWord(String line) {
        int n = line.length();
        int i = 0;
        while (i < n && !FoldedText.isWordChar(line.charAt(i))) {
            i++;
        }
        while (i < n && line.charAt(i) != ' ') {
            i++;
        }
        FoldedText head = FoldedText.fold(line.substring(0, i));
        return head.tokenCount() == 0 || firstWords.contains(head.token(0));
    }

    /** Whether {@code line} (one line of text) is one of the boilerplate phrases. */
    public boolean isBoilerplate(String line) {
        if (line.length() > MAX_KEY_LINE) {
            return false;
        }
        if (!startsWithFirstWord(line)) {
            return false;
        }
        boolean whole = line.length() <= maxLineLength;
        FoldedText folded = FoldedText.fold(whole ? line : line.substring(0, Math.min(line.length(), maxPrefixLength)));
        if (folded.tokenCount() == 0 || !firstWords.contains(folded.token(0))) {
            return false;
        }
        if (whole && lineKeys.contains(lineKey(folded, Integer.MAX_VALUE))) {
            return true;
        }
        int usable = whole ? folded.tokenCount() : folded.tokenCount() - 1; // the last token may be cut
        for (int k = 1, max = Math.min(maxPrefixTokens, usable); k <= max; k++) {
            if (prefixKeys.contains(lineKey(folded, k))) {
                return true;
            }
        }
        return false;
    }

    private static String lineKey(FoldedText folded, int tokens) {
        StringBuilder key = new StringBuilder();
        for (int t = 0, n = Math.min(tokens, folded.tokenCount()); t < n; t++) {
            if (t > 0) {
                key.append(' ');
            }
            key.append(folded.token(t));
        }
        return key.toString();
    }

    /** Writes the normalised characters of {@code s} into {@code out}; returns how many. */
    private static int normaliseCharacters(String s, char[] out) {
        int k = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r' -> {
                    out[k++] = '\n';
                    if (i + 1 < n && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C' -> out[k++] = '\n';
                case '\t', '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000' -> out[k++] = ' ';
                case '\u200B', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u200E', '\u200F' -> {
                    // zero-width and invisible formatting characters
                }
                case '\u200C', '\u200D' -> {
                    if (k > 0 && isDevanagari(out[k - 1]) && i + 1 < n && isDevanagari(s.charAt(i + 1))) {
                        out[k++] = c;
                    }
                }
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> out[k++] = '"';
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> out[k++] = '\'';
                case '|' -> {
                    char replacement = previousIsDevanagari(out, k) ? '।' : '|';
                    out[k++] = replacement;
                }
                default -> {
                    if (c >= '\u2000' && c <= '\u200A') {
                        out[k++] = ' ';
                    } else if (!(c < 0x20 || (c >= 0x7F && c < 0xA0))) {
                        out[k++] = c; // other control characters are dropped
                    }
                }
            }
        }
        return k;
    }

    private static boolean previousIsDevanagari(char[] out, int length) {
        for (int i = length - 1; i >= 0; i--) {
            char c = out[i];
            if (c != ' ') {
                return isDevanagari(c);
            }
        }
        return false;
    }

    static boolean isDevanagari(char c) {
        return c >= '\u0900' && c <= '\u097F' || c >= '\uA8E0' && c <= '\uA8FF';
    }

    /** Copies {@code in[start, end)} to {@code out} at {@code at}, trimmed, spaces collapsed; returns the end. */
    private static int collapseSpaces(char[] in, int start, int end, char[] out, int at) {
        int k = at;
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = in[i];
            if (c == ' ') {
                space = k > at;
            } else {
                if (space) {
                    out[k++] = ' ';
                    space = false;
                }
                out[k++] = c;
            }
        }
        return k;
    }
}
