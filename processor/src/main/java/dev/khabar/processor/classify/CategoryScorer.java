package dev.khabar.processor.classify;

import dev.khabar.processor.classify.Category.Requirement;
import dev.khabar.processor.classify.TermIndex.Hit;
import dev.khabar.processor.classify.TermIndex.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores one category over one scope (the whole article, or one section):
 * {@code score = Σ positive − Σ negative}, each hit weighted by where it is and decayed when its
 * term repeats. The category applies when every requirement is met in the same scope and the
 * score reaches its threshold — scaled by {@code min_distinct_terms / distinct terms matched}
 * when fewer distinct terms matched (one term alone, repeated, needs twice the threshold when
 * two are asked for). With {@code key_term_weight}, weak terms only support a label: at least one
 * matched term must weigh that much. A presence term ("in Hanoi") weighs fully only next to a named
 * person of another country than its host, and its {@code elsewhere} share otherwise.
 */
final class CategoryScorer {

    static final int MAX_EVIDENCE = 12;

    /** Where hits count and how much: offsets are into the text. */
    record Scope(boolean includeTitle, int from, int to, int headingStart, int headingEnd, int leadEnd) {

        boolean contains(Hit h) {
            return h.inTitle() ? includeTitle : h.start() >= from && h.end() <= to;
        }
    }

    /**
     * An entity mention usable by requirements: in the title, or at a text offset; {@code country}
     * is the country it stands for, or {@code null}.
     */
    record Mention(String id, String type, String country, boolean inTitle, int start) {
    }

    record Outcome(double score, boolean applies, boolean matchedAnything, List<EvidenceSpan> evidence) {
    }

    private final ScoringSettings settings;
    /** {@link #decay} for k below 64. */
    private final double[] decays;

    CategoryScorer(ScoringSettings settings) {
        this.settings = settings;
        this.decays = decays(settings.repeatDecay());
    }

    /** {@code hits} are this category's hits, excluded spans already removed, in reading order. */
    Outcome score(Category category, List<Hit> hits, Scope scope, List<Mention> mentions, String title, String text) {
        // officials' titles: requirement terms that are not also the category's own terms ("state visit" names the
        // event, not who makes it)
        List<Hit> requireHits = category.presence() == null ? List.of() : hits.stream()
                .filter(h -> h.ref().role() == Role.REQUIRE && !h.inTitle() && !ownTerms(category).contains(h.ref().term()))
                .toList();
        // most categories do not apply in most scopes: the first pass only adds up, and the hits that explain a
        // label are collected, in a second pass over the same hits, only for one that applies
        Tally tally = tally(category, hits, scope, mentions, text, requireHits, null, null);
        double score = tally.positive - tally.negative;
        double needed = category.threshold() * Math.max(1.0,
                (double) category.minDistinctTerms() / Math.max(1, tally.distinct));
        boolean applies = tally.keyTerm && score >= needed;
        Hit[] requirementHits = tally.requirementHits;
        for (int g = 0; g < requirementHits.length && applies; g++) {
            if (requirementHits[g] == null && !entitiesMeet(category.requirements().get(g), scope, mentions)) {
                applies = false;
            }
        }
        if (!applies) {
            return new Outcome(score, false, tally.any, List.of());
        }
        List<Hit> evidenceHits = new ArrayList<>();
        List<Double> evidenceWeights = new ArrayList<>();
        tally(category, hits, scope, mentions, text, requireHits, evidenceHits, evidenceWeights);
        for (Hit h : requirementHits) {
            if (h != null) {
                evidenceHits.add(h);
                evidenceWeights.add(0.0);
            }
        }
        List<EvidenceSpan> evidence = new ArrayList<>(MAX_EVIDENCE);
        for (int i : strongest(evidenceHits, evidenceWeights)) {
            evidence.add(span(category, evidenceHits.get(i), evidenceWeights.get(i), scope, title, text));
        }
        return new Outcome(score, true, tally.any, List.copyOf(evidence));
    }

    /** What one pass over a scope's hits adds up to. */
    private static final class Tally {
        double positive;
        double negative;
        int distinct;
        boolean keyTerm;
        boolean any;
        Hit[] requirementHits;
    }

    /**
     * Adds up the hits in {@code scope}; with {@code counted} and {@code weights}, also lists each hit that
     * counted and its signed weight.
     */
    private Tally tally(Category category, List<Hit> hits, Scope scope, List<Mention> mentions, String text,
                        List<Hit> requireHits, List<Hit> counted, List<Double> weights) {
        int maxTerm = 0;
        for (Hit h : hits) {
            maxTerm = Math.max(maxTerm, h.ref().termId());
        }
        int[] seen = new int[maxTerm + 1]; // occurrences so far, per term
        Tally t = new Tally();
        t.requirementHits = new Hit[category.requirements().size()];
        for (Hit h : hits) {
            if (!scope.contains(h)) {
                continue;
            }
            Role role = h.ref().role();
            if (role == Role.REQUIRE) {
                int g = h.ref().group();
                if (t.requirementHits[g] == null) {
                    t.requirementHits[g] = h;
                }
                continue;
            }
            double termWeight = h.ref().weight();
            if ((role == Role.PRESENCE || role == Role.DATELINE) && !foreignPersonNear(h, category.presence(), mentions)
                    && !foreignOfficialNear(h, category.presence(), mentions, requireHits, text)) {
                termWeight *= category.presence().elsewhere();
                if (termWeight == 0) {
                    continue;
                }
            }
            int k = ++seen[h.ref().termId()];
            double w = termWeight * multiplier(h, scope) * decay(k);
            t.any = true;
            if (counted != null) {
                counted.add(h);
                weights.add(role != Role.NEGATIVE ? w : -w);
            }
            if (role != Role.NEGATIVE) {
                t.positive += w;
                t.distinct += k == 1 ? 1 : 0;
                t.keyTerm |= termWeight >= category.keyTermWeight();
            } else {
                t.negative += w;
            }
        }
        return t;
    }

    /** By identity: a category record's own hash walks all its terms. */
    private final java.util.Map<Category, Set<String>> ownTerms =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private Set<String> ownTerms(Category category) {
        return ownTerms.computeIfAbsent(category, c -> {
            Set<String> terms = new HashSet<>();
            c.terms().forEach(t -> terms.add(t.text()));
            return Set.copyOf(terms);
        });
    }

    /** {@code repeat_decay^(k-1)} for the k-th occurrence of a term, until it falls to 1e-6. */
    private double decay(int k) {
        if (k < decays.length) {
            return decays[k];
        }
        double d = decays[decays.length - 1];
        for (int i = decays.length - 1; i < k && d > 1e-6; i++) {
            d *= settings.repeatDecay();
        }
        return d;
    }

    private static double[] decays(double repeatDecay) {
        double[] t = new double[64];
        t[0] = 1;
        t[1] = 1;
        for (int k = 2; k < t.length; k++) {
            t[k] = t[k - 1] > 1e-6 ? t[k - 1] * repeatDecay : t[k - 1];
        }
        return t;
    }

    private double multiplier(Hit h, Scope scope) {
        if (h.inTitle()) {
            return settings.titleWeight();
        }
        double m = h.start() < scope.leadEnd() ? settings.leadWeight() : settings.bodyWeight();
        if (h.start() >= scope.headingStart() && h.end() <= scope.headingEnd()) {
            m = Math.max(m, settings.headingWeight());
        }
        return m;
    }

    /** A person of a country other than the presence's host, named in the same title or close by in the text. */
    private static boolean foreignPersonNear(Hit h, Category.Presence presence, List<Mention> mentions) {
        for (Mention m : mentions) {
            if (!"person".equals(m.type()) || m.country() == null || m.country().equals(presence.host())
                    || m.inTitle() != h.inTitle()) {
                continue;
            }
            if (h.inTitle() || Math.abs(m.start() - h.start()) <= presence.window()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What may stand between a country and the title of its official: the country's own words and a
     * possessive ("Japan's", "New Zealand's", "न्यूजीलैंड के"), or a demonym ("Japanese", "Thai",
     * "जापानी") — not a country in another case ("с Китаем премьер-министр": "with China, the premier").
     */
    private static final Pattern COUNTRY_BEFORE_TITLE = Pattern.compile(
            "(?:[^\\s,.;:!?।()\"]+ )?[^\\s,.;:!?।()\"]+(?:['’]s\\s+|\\s+(?:के|की|का)\\s+)"
                    + "|\\p{Lu}\\p{L}*(?:ese|an|ish|i|ch)\\s+|\\p{IsDevanagari}+ी\\s+");
    /** What may stand between a title and its country after it: nothing ("премьер-министр Японии"), or a republic. */
    private static final Pattern TITLE_BEFORE_COUNTRY = Pattern.compile("\\s+(?:(?:Cộng hòa|Liên bang|of)\\s+)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * An official of another country than the presence's host, named by title instead of by name,
     * close by in the text: a requirement term (the category's "prime minister", "प्रधानमंत्री",
     * "министр") with a foreign country attached to it — before it as a possessive or a demonym
     * ("New Zealand's prime minister", "Japanese prime minister", "न्यूजीलैंड के प्रधानमंत्री"), or after
     * it as a genitive ("премьер-министр Японии", "Tổng thống Cộng hòa Indonesia", "President of
     * Chile"). Grammar, not distance alone: "On China, the prime minister said in Hanoi" names nobody's
     * official, nor does "Vietnam's envoy to Japan".
     */
    private static boolean foreignOfficialNear(Hit h, Category.Presence presence, List<Mention> mentions,
                                               List<Hit> requireHits, String text) {
        if (h.inTitle()) {
            return false; // a title's mentions carry no offsets to tell whose title it is
        }
        for (Hit r : requireHits) {
            if (Math.abs(r.start() - h.start()) > presence.window()) {
                continue;
            }
            for (Mention m : mentions) {
                if (m.inTitle() || !"country".equals(m.type()) || m.id().equals(presence.host())) {
                    continue;
                }
                if (m.start() < r.start() && r.start() - m.start() <= 30
                        && COUNTRY_BEFORE_TITLE.matcher(text.substring(m.start(), r.start())).matches()) {
                    return true;
                }
                if (m.start() >= r.end() && m.start() - r.end() <= 12
                        && TITLE_BEFORE_COUNTRY.matcher(text.substring(r.end(), m.start())).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean entitiesMeet(Requirement r, Scope scope, List<Mention> mentions) {
        Set<String> found = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (Mention m : mentions) {
            boolean inScope = m.inTitle() ? scope.includeTitle() : m.start() >= scope.from() && m.start() < scope.to();
            if (!inScope) {
                continue;
            }
            if ((r.entityIds().contains(m.id()) || r.entityTypes().contains(m.type())) && found.add(m.id())
                    && found.size() >= r.minEntities()) {
                return true;
            }
            if (m.country() != null && countries.add(m.country()) && r.minCountries() > 0
                    && countries.size() >= r.minCountries()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Indices of the {@link #MAX_EVIDENCE} strongest hits: by absolute weight (as rounded in the
     * evidence), then by position. A selection, not a sort: an article can have hundreds of hits.
     */
    private static int[] strongest(List<Hit> hits, List<Double> weights) {
        double[] strength = new double[hits.size()];
        for (int i = 0; i < strength.length; i++) {
            strength[i] = Math.abs(rounded(weights.get(i)));
        }
        int k = Math.min(MAX_EVIDENCE, hits.size());
        int[] top = new int[k];
        int size = 0;
        for (int i = 0; i < hits.size(); i++) {
            int at = size;
            while (at > 0 && stronger(i, top[at - 1], strength, hits)) {
                at--;
            }
            if (at >= k) {
                continue;
            }
            int last = Math.min(size, k - 1);
            System.arraycopy(top, at, top, at + 1, last - at);
            top[at] = i;
            size = Math.min(size + 1, k);
        }
        return top;
    }

    private static boolean stronger(int a, int b, double[] strength, List<Hit> hits) {
        return strength[a] != strength[b] ? strength[a] > strength[b] : hits.get(a).start() < hits.get(b).start();
    }

    private static double rounded(double weight) {
        return Math.round(weight * 1000) / 1000.0;
    }

    private static EvidenceSpan span(Category category, Hit h, double weight, Scope scope, String title, String text) {
        String field = h.inTitle() ? "title" : h.start() < scope.leadEnd() ? "lead" : "body";
        String source = h.inTitle() ? title : text;
        return new EvidenceSpan(category.id(), field, source.substring(h.start(), h.end()), h.start(), h.end(),
                rounded(weight));
    }
}
