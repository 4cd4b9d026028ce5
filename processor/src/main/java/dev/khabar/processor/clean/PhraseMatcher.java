package dev.khabar.processor.clean;

import java.util.ArrayList;
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
        for (int i = 0; i < n; i++) {
            int before = out.size();
            walk(root, text, i, i, out);
            if (out.size() - before > 1) {
                out.subList(before, out.size()).sort((a, b) -> b.endToken() - a.endToken());
            }
        }
        return out;
    }

    private void walk(Node<T> node, FoldedText text, int start, int next, List<Match<T>> out) {
        if (node.values != null && next > start) {
            for (T value : node.values) {
                out.add(new Match<>(start, next, value));
            }
        }
        if (next >= text.tokenCount()) {
            return;
        }
        String token = text.token(next);
        if (node.anyWord != null) {
            walk(node.anyWord, text, start, next + 1, out);
        }
        if (node.exact != null && node.mayHaveExact(token.hashCode())) {
            Node<T> child = node.exact.get(token);
            if (child != null) {
                walk(child, text, start, next + 1, out);
            }
        }
        if (node.prefix != null && node.prefixStarts.indexOf(token.charAt(0)) >= 0) {
            int max = Math.min(node.maxPrefix, token.length());
            int hash = 0;
            for (int len = 1; len <= max; len++) {
                hash = 31 * hash + token.charAt(len - 1); // String.hashCode of the prefix, incrementally
                if (len >= node.minPrefix && node.hasPrefixHash(hash)) {
                    Node<T> child = node.prefix.get(token.substring(0, len));
                    if (child != null) {
                        walk(child, text, start, next + 1, out);
                    }
                }
            }
        }
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
        /** First characters of the prefix keys. */
        String prefixStarts = "";
        List<T> values;

        /**
         * A one-hash Bloom filter over the keys of {@link #exact} (the hash a String caches): most
         * tokens of a text start no phrase, and this small bit set rejects them without touching
         * the map, whose table is too large to stay in cache.
         */
        long[] exactBloom = new long[1];

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
                if (prefixStarts.indexOf(token.charAt(0)) < 0) {
                    prefixStarts += token.charAt(0);
                }
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
                    if (p == 0 || p == pieces.length - 1) {
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
