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
    private final int maxPrefixTokens;

    public TextCleaner(BoilerplatePhrases phrases) {
        int longest = 0;
        for (String line : phrases.lines()) {
            lineKeys.add(lineKey(FoldedText.of(line), Integer.MAX_VALUE));
        }
        for (String prefix : phrases.prefixes()) {
            FoldedText folded = FoldedText.of(prefix);
            prefixKeys.add(lineKey(folded, Integer.MAX_VALUE));
            longest = Math.max(longest, folded.tokenCount());
        }
        this.maxPrefixTokens = longest;
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
        String normalised = normaliseCharacters(s);
        StringBuilder out = new StringBuilder(normalised.length());
        int start = 0;
        int n = normalised.length();
        while (start <= n) {
            int nl = normalised.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            String line = collapseSpaces(normalised, start, end);
            if (!line.isEmpty() && !isBoilerplate(line)) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(line);
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** Whether {@code line} (one line of text) is one of the boilerplate phrases. */
    public boolean isBoilerplate(String line) {
        if (line.length() > MAX_KEY_LINE) {
            return false;
        }
        FoldedText folded = FoldedText.of(line);
        if (folded.tokenCount() == 0) {
            return false;
        }
        if (lineKeys.contains(lineKey(folded, Integer.MAX_VALUE))) {
            return true;
        }
        for (int k = 1, max = Math.min(maxPrefixTokens, folded.tokenCount()); k <= max; k++) {
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

    private static String normaliseCharacters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r' -> {
                    out.append('\n');
                    if (i + 1 < n && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C' -> out.append('\n');
                case '\t', '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000' -> out.append(' ');
                case '\u200B', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u200E', '\u200F' -> {
                    // zero-width and invisible formatting characters
                }
                case '\u200C', '\u200D' -> {
                    if (i > 0 && isDevanagari(s.charAt(i - 1)) && i + 1 < n && isDevanagari(s.charAt(i + 1))) {
                        out.append(c);
                    }
                }
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> out.append('"');
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> out.append('\'');
                case '|' -> out.append(previousIsDevanagari(out) ? '।' : '|');
                default -> {
                    if (c >= '\u2000' && c <= '\u200A') {
                        out.append(' ');
                    } else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
                        // other control characters
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean previousIsDevanagari(StringBuilder out) {
        for (int i = out.length() - 1; i >= 0; i--) {
            char c = out.charAt(i);
            if (c != ' ') {
                return isDevanagari(c);
            }
        }
        return false;
    }

    static boolean isDevanagari(char c) {
        return c >= '\u0900' && c <= '\u097F' || c >= '\uA8E0' && c <= '\uA8FF';
    }

    private static String collapseSpaces(String s, int start, int end) {
        StringBuilder line = new StringBuilder(end - start);
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                space = line.length() > 0;
            } else {
                if (space) {
                    line.append(' ');
                    space = false;
                }
                line.append(c);
            }
        }
        return line.toString();
    }
}
