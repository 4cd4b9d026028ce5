package dev.khabar.processor.enrich;

import dev.khabar.processor.clean.FoldedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keywords by frequency, without stop words: entity names first (weighted by mentions), then
 * repeated two- and three-word phrases ("रक्षा समझौता"), then single words; words of the title
 * count extra. Each keyword is shown as first written in the text (or the entity's name).
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
        Set<String> titleTokens = new HashSet<>();
        for (int t = 0; t < title.tokenCount(); t++) {
            titleTokens.add(title.token(t));
        }
        boolean[] inEntity = new boolean[text.tokenCount()];
        List<Candidate> candidates = new ArrayList<>();
        for (EntityMatch e : entities) {
            for (Span s : e.mentions()) {
                for (int t = text.tokenAtOrAfter(s.start()); t < text.tokenCount() && text.start(t) < s.end(); t++) {
                    inEntity[t] = true;
                }
            }
            String display = devanagari && !e.nameHi().isEmpty() ? e.nameHi() : e.name();
            double score = 2.0 * e.mentions().size() + (e.mentions().isEmpty() ? TITLE_BONUS : 0);
            candidates.add(new Candidate("@" + e.id(), display, score, 3));
        }
        Map<String, int[]> counts = new HashMap<>(); // key → {count, first token, length}
        int n = text.tokenCount();
        for (int t = 0; t < n; t++) {
            if (!usable(text.token(t), stop) || inEntity[t]) {
                continue;
            }
            StringBuilder key = new StringBuilder(text.token(t));
            count(counts, key.toString(), t, 1);
            for (int len = 2; len <= 3 && t + len <= n; len++) {
                int last = t + len - 1;
                if (!usable(text.token(last), stop) || inEntity[last]
                        || text.start(last) - text.end(last - 1) > 2) {
                    break;
                }
                key.append(' ').append(text.token(last));
                count(counts, key.toString(), t, len);
            }
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[2] > 1 && c[0] < 2) {
                continue;
            }
            double score = c[0] * (c[2] == 1 ? 1.0 : 1.5 * c[2]);
            for (String word : e.getKey().split(" ")) {
                if (titleTokens.contains(word)) {
                    score += TITLE_BONUS / c[2];
                }
            }
            candidates.add(new Candidate(e.getKey(), text.sourceText(c[1], c[1] + c[2]), score, c[2]));
        }
        candidates.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : a.tokens() != b.tokens() ? b.tokens() - a.tokens() : a.key().compareTo(b.key()));
        List<String> out = new ArrayList<>();
        List<String> chosenKeys = new ArrayList<>();
        for (Candidate c : candidates) {
            if (out.size() == MAX_KEYWORDS) {
                break;
            }
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

    private static void count(Map<String, int[]> counts, String key, int first, int len) {
        int[] c = counts.computeIfAbsent(key, k -> new int[] {0, first, len});
        c[0]++;
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
