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
 * {@value #MIN_PREFIX} characters. Matches respect word boundaries: a phrase never matches
 * inside a longer word, and a Devanagari word includes its combining marks.
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
        if (node.exact != null) {
            Node<T> child = node.exact.get(token);
            if (child != null) {
                walk(child, text, start, next + 1, out);
            }
        }
        if (node.prefix != null) {
            int max = Math.min(node.maxPrefix, token.length());
            for (int len = node.minPrefix; len <= max; len++) {
                Node<T> child = node.prefix.get(token.substring(0, len));
                if (child != null) {
                    walk(child, text, start, next + 1, out);
                }
            }
        }
    }

    private static final class Node<T> {
        Map<String, Node<T>> exact;
        Map<String, Node<T>> prefix;
        int minPrefix = Integer.MAX_VALUE;
        int maxPrefix;
        List<T> values;

        Node<T> child(String token, boolean isPrefix) {
            Map<String, Node<T>> map;
            if (isPrefix) {
                if (prefix == null) {
                    prefix = new HashMap<>();
                }
                minPrefix = Math.min(minPrefix, token.length());
                maxPrefix = Math.max(maxPrefix, token.length());
                map = prefix;
            } else {
                if (exact == null) {
                    exact = new HashMap<>();
                }
                map = exact;
            }
            return map.computeIfAbsent(token, t -> new Node<>());
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
            for (String piece : phrase.trim().split("\\s+")) {
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
