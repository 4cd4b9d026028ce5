package dev.khabar.processor.clean;

import java.util.Arrays;

/**
 * A text with its {@link MatchKey matching key} and the key's words ("tokens"), each traceable
 * to its offsets in the source text.
 *
 * <p>A token is a maximal run of letters, digits and combining marks, so a Devanagari word keeps
 * its matras, virama and anusvara; hyphens, apostrophes, the danda and spaces separate tokens.
 * Instances are immutable and cheap to share between the stages that read the same text.
 *
 * <p>Equal tokens are one {@code String} instance, numbered by first appearance
 * ({@link #tokenId}): a 5 KB article has some 900 tokens but only a few hundred distinct words,
 * so stages that look words up (stop words, stems, hashes) do it once per word, and map look-ups
 * of a token compare it by identity.
 */
public final class FoldedText {

    private final String source;
    private final String key;
    private final int[] sourceStart;
    private final int[] sourceEnd;
    private final String[] tokens;
    private final int[] tokenIds;
    private final String[] distinct;
    private final int[] tokenKeyStart;
    private final int[] tokenKeyEnd;

    private FoldedText(String source, String key, int[] sourceStart, int[] sourceEnd,
            String[] tokens, int[] tokenIds, String[] distinct, int[] tokenKeyStart, int[] tokenKeyEnd) {
        this.source = source;
        this.key = key;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
        this.tokens = tokens;
        this.tokenIds = tokenIds;
        this.distinct = distinct;
        this.tokenKeyStart = tokenKeyStart;
        this.tokenKeyEnd = tokenKeyEnd;
    }

    /**
     * The last texts folded on this thread: the stages of one article (classify, enrich) fold the
     * same title and text, so the second fold of the same String instance is free.
     */
    private static final ThreadLocal<FoldedText[]> RECENT = ThreadLocal.withInitial(() -> new FoldedText[4]);
    private static final int CACHE_MIN_LENGTH = 64;

    /** Folds {@code source}; {@code null} is treated as empty. */
    public static FoldedText of(String source) {
        String text = source == null ? "" : source;
        if (text.length() < CACHE_MIN_LENGTH) {
            return fold(text);
        }
        FoldedText[] recent = RECENT.get();
        for (FoldedText f : recent) {
            if (f != null && f.source == text) {
                return f;
            }
        }
        FoldedText folded = fold(text);
        System.arraycopy(recent, 0, recent, 1, recent.length - 1);
        recent[0] = folded;
        return folded;
    }

    /** Folds without the per-thread cache (for many short, throw-away texts). */
    static FoldedText fold(String text) {
        int n = text.length();
        char[] key = new char[n];
        int[] start = new int[n];
        int[] end = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u0919' && c <= '\u092E' && MatchKey.isNasalConsonant(c) && i + 2 < n
                    && text.charAt(i + 1) == MatchKey.VIRAMA
                    && MatchKey.isDevanagariConsonant(text.charAt(i + 2))) {
                key[k] = MatchKey.ANUSVARA;
                start[k] = i;
                end[k++] = i + 2;
                i++;
                continue;
            }
            char f = MatchKey.fold(c);
            if (MatchKey.isDropped(f)) {
                if (k > 0 && end[k - 1] == i) {
                    end[k - 1] = i + 1; // a dropped mark stays part of the previous character
                }
                continue;
            }
            if (f == 'त' && k >= 2 && key[k - 1] == MatchKey.VIRAMA && key[k - 2] == 'क') {
                f = 'ट';
            }
            key[k] = f;
            start[k] = i;
            end[k++] = i + 1;
        }
        return tokenize(text, key, k, k == n ? start : Arrays.copyOf(start, k), k == n ? end : Arrays.copyOf(end, k));
    }

    private static FoldedText tokenize(String text, char[] key, int n, int[] start, int[] end) {
        int[] ts = new int[Math.max(4, n / 4)];
        int[] te = new int[ts.length];
        int[] hashes = new int[ts.length];
        int count = 0;
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(key[i])) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int s = i;
            int h = 0;
            while (i < n && isWordChar(key[i])) {
                h = 31 * h + key[i++]; // String.hashCode of the token
            }
            if (count == ts.length) {
                ts = Arrays.copyOf(ts, count * 2);
                te = Arrays.copyOf(te, count * 2);
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            ts[count] = s;
            hashes[count] = h;
            te[count++] = i;
        }
        // intern: one String per distinct token, found by its hash in an open-addressing table of ids
        String[] tokens = new String[count];
        int[] ids = new int[count];
        String[] distinct = new String[Math.max(1, Math.min(count, 64))];
        int[] firstOf = new int[distinct.length]; // the token where each distinct one first appears
        int distinctCount = 0;
        int[] slots = new int[Integer.highestOneBit(Math.max(16, count * 2) - 1) << 1]; // id + 1; 0 is empty
        int mask = slots.length - 1;
        for (int t = 0; t < count; t++) {
            int h = hashes[t];
            int slot = (h ^ (h >>> 16)) & mask;
            int id;
            while (true) {
                int entry = slots[slot] - 1;
                if (entry < 0) {
                    if (distinctCount == distinct.length) {
                        distinct = Arrays.copyOf(distinct, distinctCount * 2);
                        firstOf = Arrays.copyOf(firstOf, distinctCount * 2);
                    }
                    id = distinctCount++;
                    distinct[id] = new String(key, ts[t], te[t] - ts[t]);
                    firstOf[id] = t;
                    slots[slot] = id + 1;
                    break;
                }
                int f = firstOf[entry];
                if (hashes[f] == h && Arrays.equals(key, ts[t], te[t], key, ts[f], te[f])) {
                    id = entry;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            ids[t] = id;
            tokens[t] = distinct[id];
        }
        return new FoldedText(text, new String(key, 0, n), start, end, tokens, ids, Arrays.copyOf(distinct, distinctCount),
                Arrays.copyOf(ts, count), Arrays.copyOf(te, count));
    }

    private static final boolean[] WORD_CHARS = wordChars();

    private static boolean[] wordChars() {
        boolean[] t = new boolean[0x2000];
        for (int c = 0; c < t.length; c++) {
            t[c] = slowIsWordChar((char) c);
        }
        return t;
    }

    /** Letters, digits and combining marks (Devanagari matras, virama, anusvara) make words. */
    public static boolean isWordChar(char c) {
        return c < WORD_CHARS.length ? WORD_CHARS[c] : slowIsWordChar(c);
    }

    private static boolean slowIsWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        if (c >= 0x0900 && c <= 0x097F) {
            return c != '\u0964' && c != '\u0965' && c != '\u0970';
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    public String source() {
        return source;
    }

    /** The whole matching key. */
    public String key() {
        return key;
    }

    public int tokenCount() {
        return tokens.length;
    }

    /** The folded token {@code t}. */
    public String token(int t) {
        return tokens[t];
    }

    /** The number of token {@code t}'s word: equal tokens have equal ids, numbered 0, 1, … by first appearance. */
    public int tokenId(int t) {
        return tokenIds[t];
    }

    /** How many distinct tokens the text has; ids run from 0 to this, exclusive. */
    public int distinctTokenCount() {
        return distinct.length;
    }

    /** The token with id {@code id}. */
    public String distinctToken(int id) {
        return distinct[id];
    }

    /** Source offset where token {@code t} starts. */
    public int start(int t) {
        return sourceStart[tokenKeyStart[t]];
    }

    /** Source offset just after token {@code t}, including any trailing combining mark. */
    public int end(int t) {
        return sourceEnd[tokenKeyEnd[t] - 1];
    }

    /** The source text of tokens {@code from} (inclusive) to {@code to} (exclusive). */
    public String sourceText(int from, int to) {
        return source.substring(start(from), end(to - 1));
    }

    /** The first token that ends after source offset {@code offset}; tokenCount() if none. */
    public int tokenAtOrAfter(int offset) {
        int lo = 0;
        int hi = tokens.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end(mid) <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
