package dev.khabar.processor.clean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds many phrases at once in a {@link FoldedText}: a trie over folded tokens, walked once from
 * each token, so the cost grows with the text, not with the number of phrases.
 *
 * <p>A phrase is folded and split into tokens like the text, so {@code "सितम्बर"} matches
 * {@code सितंबर} and {@code "Kim Jong-un"} matches {@code Kim Jong Un}. A token written with a
 * trailing {@code *} matches any token that starts with it ({@code "visit*"} matches
 * {@code visits}, {@code visited}); the part before the star must have at least
 * {@value #MIN_PREFIX} characters. A {@code *} standing alone is any one word
 * ({@code "वियतनाम के * दौरे"} matches "वियतनाम के तीन दौरे"); a phrase cannot start or end with
 * one. Matches respect word boundaries: a phrase never matches inside a longer word, and a
 * Devanagari word includes its combining marks.
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseMatcher<T> {

    /** Shortest prefix allowed before a {@code *}. */
    public static final int MIN_PREFIX = 3;

    /** One match: tokens {@code [startToken, endToken)} of the text matched {@code value}. */
    public record Match<T>(int startToken, int endToken, T value) {
    }

    private final Node<T> root;

    private PhraseMatcher(Node<T> root) {
        this.root = root;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Every match in {@code text}, ordered by start token, then by length (longest first). */
    public List<Match<T>> findAll(FoldedText text) {
        List<Match<T>> out = new ArrayList<>();
        int n = text.tokenCount();
        // the root's children are found once per distinct word, not once per token
        List<List<Node<T>>> starts = new ArrayList<>(Collections.nCopies(text.distinctTokenCount(), null));
        for (int i = 0; i < n; i++) {
            int id = text.tokenId(i);
            List<Node<T>> children = starts.get(id);
            if (children == null) {
                children = children(root, text.token(i));
                starts.set(id, children);
            }
            if (children.isEmpty()) {
                continue;
            }
            int before = out.size();
            for (Node<T> child : children) {
                walk(child, text, i, i + 1, out);
            }
            if (out.size() - before > 1) {
                longestFirst(out, before);
            }
        }
        return out;
    }

    /**
     * Sorts the matches from {@code from} on (all of one start, a handful) longest first, stably: an
     * insertion sort, as a sub-list's sort copies it to an array and back for a few elements.
     */
    private static <T> void longestFirst(List<Match<T>> out, int from) {
        for (int i = from + 1; i < out.size(); i++) {
            Match<T> m = out.get(i);
            int j = i;
            while (j > from && out.get(j - 1).endToken() < m.endToken()) {
                out.set(j, out.get(j - 1));
                j--;
            }
            out.set(j, m);
        }
    }

    private void walk(Node<T> node, FoldedText text, int start, int next, List<Match<T>> out) {
        if (node.values != null) {
            for (T value : node.values) {
                out.add(new Match<>(start, next, value));
            }
        }
        if (next >= text.tokenCount()) {
            return;
        }
        if (node.anyWord != null) {
            walk(node.anyWord, text, start, next + 1, out);
        }
        for (Node<T> child : children(node, text.token(next))) {
            walk(child, text, start, next + 1, out);
        }
    }

    /** The nodes {@code token} leads to from {@code node}: its exact child, then prefix children, shortest first. */
    private List<Node<T>> children(Node<T> node, String token) {
        Node<T> exact = node.exact != null && node.mayHaveExact(token.hashCode()) ? node.exact.get(token) : null;
        List<Node<T>> out = exact == null ? List.of() : List.of(exact);
        if (node.prefix != null && node.mayStartPrefix(token.charAt(0))) {
            int max = Math.min(node.maxPrefix, token.length());
            int hash = 0;
            for (int len = 1; len <= max; len++) {
                hash = 31 * hash + token.charAt(len - 1); // String.hashCode of the prefix, incrementally
                if (len >= node.minPrefix && node.hasPrefixHash(hash)) {
                    Node<T> child = node.prefix.get(token.substring(0, len));
                    if (child != null) {
                        out = new ArrayList<>(out); // rare: a word that continues a phrase in two ways
                        out.add(child);
                    }
                }
            }
        }
        return out;
    }

    private static final int BLOOM_BITS = 1 << 13;

    private static final class Node<T> {
        Map<String, Node<T>> exact;
        Map<String, Node<T>> prefix;
        Node<T> anyWord;
        int minPrefix = Integer.MAX_VALUE;
        int maxPrefix;
        /** Hashes of the prefix keys, sorted, to skip most substring lookups. */
        int[] prefixHashes = new int[0];
        /** First characters of the prefix keys, as a bit set indexed by the character. */
        long[] prefixStarts = new long[0];
        List<T> values;

        /**
         * A one-hash Bloom filter over the keys of {@link #exact} (the hash a String caches): most
         * tokens of a text start no phrase, and this small bit set rejects them without touching
         * the map, whose table is too large to stay in cache.
         */
        long[] exactBloom = new long[1];

        boolean mayStartPrefix(char c) {
            int word = c >>> 6;
            return word < prefixStarts.length && (prefixStarts[word] & (1L << c)) != 0;
        }

        boolean mayHaveExact(int hash) {
            int bit = (hash ^ (hash >>> 16)) & (exactBloom.length * 64 - 1);
            return (exactBloom[bit >>> 6] & (1L << bit)) != 0;
        }

        /** Adds {@code key} to the filter, first doubling it while it has fewer than 16 bits per key. */
        private void indexExact(String key) {
            int wanted = Integer.highestOneBit(Math.max(64, Math.min(1 << 18, exact.size() * 16)) - 1) << 1;
            if (wanted > exactBloom.length * 64) {
                exactBloom = new long[wanted / 64];
                exact.keySet().forEach(this::setExactBit);
            } else {
                setExactBit(key);
            }
        }

        private void setExactBit(String key) {
            int h = key.hashCode();
            int bit = (h ^ (h >>> 16)) & (exactBloom.length * 64 - 1);
            exactBloom[bit >>> 6] |= 1L << bit;
        }

        /** A one-hash Bloom filter over {@link #prefixHashes}: most tokens are rejected here. */
        final java.util.BitSet prefixBloom = new java.util.BitSet(BLOOM_BITS);

        boolean hasPrefixHash(int hash) {
            return prefixBloom.get(hash & (BLOOM_BITS - 1)) && java.util.Arrays.binarySearch(prefixHashes, hash) >= 0;
        }

        Node<T> child(String token, boolean isPrefix) {
            Map<String, Node<T>> map;
            if (isPrefix) {
                if (prefix == null) {
                    prefix = new HashMap<>();
                }
                minPrefix = Math.min(minPrefix, token.length());
                maxPrefix = Math.max(maxPrefix, token.length());
                int word = token.charAt(0) >>> 6;
                if (word >= prefixStarts.length) {
                    prefixStarts = java.util.Arrays.copyOf(prefixStarts, word + 1);
                }
                prefixStarts[word] |= 1L << token.charAt(0);
                if (!prefix.containsKey(token)) {
                    prefixHashes = java.util.Arrays.copyOf(prefixHashes, prefixHashes.length + 1);
                    prefixHashes[prefixHashes.length - 1] = token.hashCode();
                    prefixBloom.set(token.hashCode() & (BLOOM_BITS - 1));
                    java.util.Arrays.sort(prefixHashes);
                }
                map = prefix;
            } else {
                if (exact == null) {
                    exact = new HashMap<>();
                }
                map = exact;
            }
            int before = map.size();
            Node<T> child = map.computeIfAbsent(token, t -> new Node<>());
            if (!isPrefix && map.size() != before) {
                indexExact(token);
            }
            return child;
        }
    }

    /** Collects phrases; not thread-safe, the built matcher is. */
    public static final class Builder<T> {
        private final Node<T> root = new Node<>();
        private int size;

        /**
         * Adds {@code phrase} for {@code value}.
         *
         * @throws IllegalArgumentException when the phrase has no word, or a {@code *} follows
         *     fewer than {@value #MIN_PREFIX} characters
         */
        public Builder<T> add(String phrase, T value) {
            Node<T> node = root;
            int tokens = 0;
            String[] pieces = phrase.trim().split("\\s+");
            for (int p = 0; p < pieces.length; p++) {
                String piece = pieces[p];
                if (piece.equals("*")) {
                    if (tokens == 0 || p == pieces.length - 1) { // no word before it (punctuation folds to none)
                        throw new IllegalArgumentException("phrase '" + phrase + "' cannot start or end with '*'");
                    }
                    if (node.anyWord == null) {
                        node.anyWord = new Node<>();
                    }
                    node = node.anyWord;
                    tokens++;
                    continue;
                }
                boolean isPrefix = piece.endsWith("*");
                FoldedText folded = FoldedText.of(isPrefix ? piece.substring(0, piece.length() - 1) : piece);
                for (int t = 0; t < folded.tokenCount(); t++) {
                    boolean last = t == folded.tokenCount() - 1;
                    String token = folded.token(t);
                    if (isPrefix && last && token.length() < MIN_PREFIX) {
                        throw new IllegalArgumentException("phrase '" + phrase + "': a '*' needs at least "
                                + MIN_PREFIX + " characters before it");
                    }
                    node = node.child(token, isPrefix && last);
                    tokens++;
                }
            }
            if (tokens == 0) {
                throw new IllegalArgumentException("phrase '" + phrase + "' has no word in it");
            }
            if (node.values == null) {
                node.values = new ArrayList<>(1);
            }
            node.values.add(value);
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public PhraseMatcher<T> build() {
            return new PhraseMatcher<>(root);
        }
    }
}
