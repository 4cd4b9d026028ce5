package dev.khabar.processor.enrich;

import dev.khabar.processor.clean.FoldedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Keywords by frequency, without stop words: entity names (weighted by mentions), repeated two-
 * and three-word phrases ("रक्षा समझौता") and repeated single words, best first; words of the
 * title count extra. Hindi inflections are counted together ("समझौता", "समझौते"). Each keyword is
 * shown as first written in the text (or as the entity's name).
 */
final class KeywordExtractor {

    static final int MAX_KEYWORDS = 10;
    private static final double TITLE_BONUS = 2.0;

    private final LanguageProfiles profiles;
    private final Map<String, Set<String>> stopwordCache = new java.util.concurrent.ConcurrentHashMap<>();

    KeywordExtractor(LanguageProfiles profiles) {
        this.profiles = profiles;
    }

    private record Candidate(String key, String display, double score, int tokens) {
    }

    List<String> extract(FoldedText text, FoldedText title, List<EntityMatch> entities, String language,
            boolean devanagari) {
        Set<String> stop = stopwordCache.computeIfAbsent(language, this::stopwordsFor);
        int n = text.tokenCount();
        boolean[] inEntity = new boolean[n];
        List<Candidate> candidates = new ArrayList<>();
        for (EntityMatch e : entities) {
            for (Span s : e.mentions()) {
                for (int t = text.tokenAtOrAfter(s.start()); t < n && text.start(t) < s.end(); t++) {
                    inEntity[t] = true;
                }
            }
            String display = devanagari && !e.nameHi().isEmpty() ? e.nameHi() : e.name();
            double score = 2.0 * e.mentions().size() + (e.mentions().isEmpty() ? TITLE_BONUS : 0);
            candidates.add(new Candidate("@" + e.id(), display, score, 3));
        }
        // one stem per distinct token (the folded text numbers them); words are then numbered by stem.
        // Only Devanagari tokens have stems other than themselves, and a Devanagari stem is never a Latin
        // token, so only they go through a map; every other distinct token is a word of its own.
        int distinct = text.distinctTokenCount();
        int[] wordOfToken = new int[distinct];
        Map<String, Integer> devanagariIds = new HashMap<>();
        Set<String> titleStems = new HashSet<>(2 * title.tokenCount() + 1);
        for (int t = 0; t < title.tokenCount(); t++) {
            titleStems.add(stem(title.token(t)));
        }
        String[] stems = new String[distinct];
        boolean[] usableWord = new boolean[distinct];
        boolean[] inTitle = new boolean[distinct];
        int words = 0;
        for (int d = 0; d < distinct; d++) {
            String token = text.distinctToken(d);
            String stem = stem(token);
            int word;
            if (isDevanagari(token)) {
                Integer known = devanagariIds.putIfAbsent(stem, words);
                word = known == null ? words : known;
            } else {
                word = words;
            }
            if (word == words) {
                stems[word] = stem;
                usableWord[word] = usable(token, stop); // stop words are listed as written, not as stems
                inTitle[word] = titleStems.contains(stem);
                words++;
            }
            wordOfToken[d] = word;
        }
        int[] id = new int[n];
        for (int t = 0; t < n; t++) {
            id[t] = wordOfToken[text.tokenId(t)];
        }
        int[] count = new int[words];
        int[] first = new int[words];
        java.util.Arrays.fill(first, -1);
        for (int t = 0; t < n; t++) {
            if (!inEntity[t] && usableWord[id[t]]) {
                count[id[t]]++;
                if (first[id[t]] < 0) {
                    first[id[t]] = t;
                }
            }
        }
        for (int w = 0; w < words; w++) {
            if (count[w] >= 2) {
                double score = count[w] + (inTitle[w] ? TITLE_BONUS : 0);
                candidates.add(new Candidate(stems[w], text.sourceText(first[w], first[w] + 1), score, 1));
            }
        }
        // a phrase repeats only if its words do: phrases start and continue on repeated words
        PhraseCounts phrases = new PhraseCounts(n);
        for (int t = 0; t < n; t++) {
            if (inEntity[t] || count[id[t]] < 2) {
                continue;
            }
            long key = 1L << 21 | id[t]; // the leading 1 keeps "a b" and "<word 0> a b" apart
            for (int len = 2; len <= 3 && t + len <= n; len++) {
                int last = t + len - 1;
                if (inEntity[last] || count[id[last]] < 2 || text.start(last) - text.end(last - 1) > 2) {
                    break;
                }
                key = (key << 21) | id[last];
                phrases.add(key, t, len);
            }
        }
        for (int[] c : phrases.values()) {
            if (c[0] >= 2) {
                StringBuilder key = new StringBuilder();
                double score = c[0] * 1.5 * c[2];
                for (int k = 0; k < c[2]; k++) {
                    key.append(k > 0 ? " " : "").append(stems[id[c[1] + k]]);
                    score += inTitle[id[c[1] + k]] ? TITLE_BONUS / c[2] : 0;
                }
                candidates.add(new Candidate(key.toString(), text.sourceText(c[1], c[1] + c[2]), score, c[2]));
            }
        }
        // best first; a heap, as only the first few are taken
        PriorityQueue<Candidate> best = new PriorityQueue<>(Math.max(1, candidates.size()), (a, b) ->
                a.score() != b.score() ? Double.compare(b.score(), a.score())
                        : a.tokens() != b.tokens() ? b.tokens() - a.tokens() : a.key().compareTo(b.key()));
        best.addAll(candidates);
        List<String> out = new ArrayList<>();
        List<String> chosenKeys = new ArrayList<>();
        while (!best.isEmpty() && out.size() < MAX_KEYWORDS) {
            Candidate c = best.poll();
            if (c.score() < 2.0 && !c.key().startsWith("@")) {
                continue;
            }
            if (!c.key().startsWith("@") && coveredBy(c.key(), chosenKeys)) {
                continue;
            }
            chosenKeys.add(c.key());
            if (!out.contains(c.display())) {
                out.add(c.display());
            }
        }
        return out;
    }

    private static boolean coveredBy(String key, List<String> chosen) {
        for (String k : chosen) {
            if ((" " + k + " ").contains(" " + key + " ") || (" " + key + " ").contains(" " + k + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Counts of word-id sequences: an open-addressing table, as an article has thousands of them. */
    private static final class PhraseCounts {
        private long[] keys;
        private int[][] values; // {count, first token, length}
        private int size;

        PhraseCounts(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
            keys = new long[capacity];
            values = new int[capacity][];
        }

        void add(long key, int first, int length) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int slot = slot(keys, values, key);
            if (values[slot] == null) {
                keys[slot] = key;
                values[slot] = new int[] {0, first, length};
                size++;
            }
            values[slot][0]++;
        }

        List<int[]> values() {
            List<int[]> out = new ArrayList<>(size);
            for (int[] v : values) {
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[][] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2][];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != null) {
                    int slot = slot(keys, values, oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        private static int slot(long[] keys, int[][] values, long key) {
            int mask = keys.length - 1;
            int i = (int) SimHash.mix(key) & mask;
            while (values[i] != null && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }
    }

    private static final String[] HINDI_ENDINGS = {"ियों", "ाओं", "ों", "ें", "ीं", "ा", "े", "ी"};

    private static boolean isDevanagari(String token) {
        char c = token.charAt(0);
        return c >= '\u0900' && c <= '\u097F';
    }

    /** A light Hindi stem for counting ("समझौता", "समझौते", "समझौतों" → "समझौत"); others as is. */
    static String stem(String token) {
        int len = token.length();
        if (len < 4 || token.charAt(0) < '\u0900' || token.charAt(0) > '\u097F') {
            return token;
        }
        char last = token.charAt(len - 1);
        if (last != 'ा' && last != 'े' && last != 'ी' && last != 'ं') {
            return token;
        }
        for (String ending : HINDI_ENDINGS) {
            if (token.endsWith(ending) && token.length() - ending.length() >= 3) {
                return token.substring(0, token.length() - ending.length());
            }
        }
        return token;
    }

    private static boolean usable(String token, Set<String> stop) {
        if (token.length() < 2 || stop.contains(token)) {
            return false;
        }
        char c = token.charAt(0);
        return !(c >= '0' && c <= '9');
    }

    private Set<String> stopwordsFor(String language) {
        Set<String> stop = new HashSet<>(profiles.stopwordsOf(language));
        stop.addAll(profiles.stopwordsOf("en"));
        stop.addAll(profiles.stopwordsOf("hi"));
        return Set.copyOf(stop);
    }
}
