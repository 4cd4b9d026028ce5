package dev.khabar.processor.classify;

import dev.khabar.processor.classify.CategoryScorer.Mention;
import dev.khabar.processor.classify.CategoryScorer.Outcome;
import dev.khabar.processor.classify.CategoryScorer.Scope;
import dev.khabar.processor.classify.TermIndex.Hit;
import dev.khabar.processor.classify.TermIndex.Role;
import dev.khabar.processor.clean.FoldedText;
import dev.khabar.processor.clean.Paragraphs;
import dev.khabar.processor.enrich.EntityLinker;
import dev.khabar.processor.enrich.EntityMatch;
import dev.khabar.processor.enrich.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Labels an article with the categories of a {@link Taxonomy}: multi-label, each label with a
 * score and the matched spans that explain it.
 *
 * <p>Terms of every language are matched on folded text (so spelling variants and case do not
 * matter), a term inside an excluded phrase of its category does not count ("रक्षा" in "रक्षा
 * बंधन"), and only the longest of overlapping terms counts. The title counts more than the lead,
 * the lead more than the rest.
 *
 * <p>An article with headings is also labelled per section (see {@link Paragraphs}), and a digest
 * of short items per item (see {@link Digest}). A label
 * that a section earns on its own is promoted to the article: a post whose last section reports
 * an official visit to Vietnam is labelled {@code vietnam-visit}, with that section's evidence —
 * unless the article scores below zero for that label both as a whole and as its lead and that
 * section together (its negative contexts win), as a football report with a section headed "A
 * defence that held firm" does; a round-up's weather and markets sections do not outweigh its visit
 * section, and a digest's item keeps its label whatever the other items are about. A category with
 * {@code passage_sentences} is also scored over the sentences around each of its key terms: a
 * passage that earns the label on its own gives it to the article, again unless the article as a
 * whole scores below zero (trade figures whose last sentence has a prime minister arriving in
 * Hanoi for an official visit are labelled; a travel feature about agents arriving in Hanoi is not).
 * A label implies its parent ({@code vietnam-visit} implies {@code diplomacy}); an implied parent
 * scores at least as much as its child and shows the child's evidence.
 *
 * <p>Immutable and thread-safe.
 */
public final class TopicClassifier {

    private final Taxonomy taxonomy;
    private final EntityLinker linker;
    private final CategoryScorer scorer;

    public TopicClassifier(Taxonomy taxonomy) {
        this(taxonomy, EntityLinker.defaults());
    }

    /** @param linker finds the entities that category requirements may ask for */
    public TopicClassifier(Taxonomy taxonomy, EntityLinker linker) {
        this.taxonomy = taxonomy;
        this.linker = linker;
        this.scorer = new CategoryScorer(taxonomy.settings());
    }

    /** The category's score over the lead (the title of a round-up lists every story in it). */
    private double framed(Category category, List<Hit> hits, int leadEnd, List<Mention> mentions, String title,
                          String text) {
        return scorer.score(category, hits, new Scope(false, 0, leadEnd, -1, -1, leadEnd), mentions, title, text).score();
    }

    /**
     * @param language the article's language if known; terms of all languages are matched
     *     anyway, so it may be {@code null}
     */
    public Classification classify(String title, String text, String language) {
        String head = title == null ? "" : title;
        String body = text == null ? "" : text;
        FoldedText foldedTitle = FoldedText.of(head);
        FoldedText foldedText = FoldedText.of(body);
        List<List<Hit>> hits = hitsByCategory(foldedTitle, foldedText);
        List<Mention> mentions = mentions(foldedTitle, foldedText);
        List<Paragraphs.Paragraph> paragraphs = Paragraphs.of(body);
        int leadEnd = leadEnd(paragraphs);
        List<Category> categories = taxonomy.categories();

        Outcome[] article = new Outcome[categories.size()];
        Scope whole = new Scope(true, 0, body.length(), -1, -1, leadEnd);
        for (int c = 0; c < categories.size(); c++) {
            article[c] = scorer.score(categories.get(c), hits.get(c), whole, mentions, head, body);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<EvidenceSpan>> evidence = new LinkedHashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            if (article[c].matchedAnything()) {
                scores.put(categories.get(c).id(), round(article[c].score()));
            }
            if (article[c].applies()) {
                evidence.put(categories.get(c).id(), article[c].evidence());
            }
        }
        List<SectionLabel> sections = new ArrayList<>();
        List<int[]> digestItems = Digest.items(body, paragraphs);
        boolean digest = !digestItems.isEmpty();
        for (int[] s : digest ? digestItems : sections(paragraphs)) {
            Scope scope = new Scope(false, s[0], s[1], s[2], s[3], leadEnd);
            Set<String> labels = new LinkedHashSet<>();
            for (int c = 0; c < categories.size(); c++) {
                Outcome o = scorer.score(categories.get(c), hits.get(c), scope, mentions, head, body);
                // A section's label is the article's too, unless the article argues against it (negative score:
                // a match report's "A defence that held firm" section is still sport) — as a whole, and as its lead
                // frames it with the section itself: a round-up's other sections (the weather, the markets), listed
                // in its title, do not argue against the one that reports a visit, and a digest's items are
                // stories of their own.
                if (o.applies() && (digest || article[c].score() >= 0
                        || framed(categories.get(c), hits.get(c), leadEnd, mentions, head, body) + o.score() >= 0)) {
                    String id = categories.get(c).id();
                    labels.add(id);
                    scores.merge(id, round(o.score()), Math::max);
                    evidence.putIfAbsent(id, o.evidence());
                }
            }
            String heading = s[2] >= 0 ? body.substring(s[2], s[3]) : "";
            sections.add(new SectionLabel(heading, s[0], s[1], order(withParents(labels), scores)));
        }
        for (int c = 0; c < categories.size(); c++) {
            Category category = categories.get(c);
            // an event told in a few sentences of an article about something else (a trade report that ends
            // with a minister arriving in Hanoi): a passage may earn the label on its own, as a section may, unless
            // the article as a whole argues against it (a travel feature whose lead has travel agents "arriving in Hanoi")
            if (category.passageSentences() > 0 && !evidence.containsKey(category.id()) && article[c].score() >= 0) {
                Outcome o = Passages.first(scorer, category, hits.get(c), mentions, head, body, paragraphs, leadEnd);
                if (o != null) {
                    evidence.put(category.id(), o.evidence());
                    scores.merge(category.id(), round(o.score()), Math::max);
                }
            }
        }
        Set<String> labels = withParents(new LinkedHashSet<>(evidence.keySet()));
        for (String id : labels) {
            if (!evidence.containsKey(id)) {
                String child = childIn(id, evidence.keySet());
                scores.merge(id, scores.get(child), Math::max);
                evidence.put(id, evidence.get(child).stream().map(e -> new EvidenceSpan(id, e.field(), e.text(),
                        e.start(), e.end(), e.weight())).toList());
            }
        }
        List<String> ordered = order(labels, scores);
        List<EvidenceSpan> spans = new ArrayList<>();
        ordered.forEach(id -> spans.addAll(evidence.get(id)));
        return new Classification(ordered, scores, spans, sections);
    }

    /** Hits per category, without hits inside excluded phrases or inside longer hits. */
    private List<List<Hit>> hitsByCategory(FoldedText title, FoldedText text) {
        int n = taxonomy.categories().size();
        List<List<Hit>> raw = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            raw.add(new ArrayList<>());
        }
        for (Hit h : taxonomy.index().find(title, true)) {
            raw.get(h.ref().category()).add(h);
        }
        for (Hit h : taxonomy.index().find(text, false)) {
            raw.get(h.ref().category()).add(h);
        }
        List<List<Hit>> out = new ArrayList<>(n);
        for (List<Hit> list : raw) {
            List<Hit> excludes = list.stream().filter(h -> h.ref().role() == Role.EXCLUDE).toList();
            List<Hit> kept = new ArrayList<>(list.size());
            Hit longest = null;
            for (Hit h : list) {
                if (h.ref().role() == Role.EXCLUDE || overlapsAny(h, excludes)) {
                    continue;
                }
                boolean scored = h.ref().role() != Role.REQUIRE;
                if (scored && longest != null && longest.inTitle() == h.inTitle()
                        && h.tokenEnd() <= longest.tokenEnd()) {
                    continue; // inside a longer (or equal) scored hit of this category
                }
                if (scored) {
                    longest = h;
                }
                kept.add(h);
            }
            out.add(kept);
        }
        return out;
    }

    private static boolean overlapsAny(Hit h, List<Hit> excludes) {
        for (Hit e : excludes) {
            if (e.inTitle() == h.inTitle() && h.tokenStart() < e.tokenEnd() && e.tokenStart() < h.tokenEnd()) {
                return true;
            }
        }
        return false;
    }

    private List<Mention> mentions(FoldedText title, FoldedText text) {
        List<Mention> out = new ArrayList<>();
        for (EntityMatch e : linker.link(text, title)) {
            String country = countryOf(e);
            for (Span s : e.mentions()) {
                out.add(new Mention(e.id(), e.type(), country, false, s.start()));
            }
        }
        for (EntityMatch e : linker.link(title, null)) {
            out.add(new Mention(e.id(), e.type(), countryOf(e), true, 0));
        }
        return out;
    }

    private String countryOf(EntityMatch e) {
        return linker.findEntry(e.id()).flatMap(entry -> entry.findCountry()).orElse(null);
    }

    /** The lead: the first paragraph that is not a heading, at most {@code lead_chars} long. */
    private int leadEnd(List<Paragraphs.Paragraph> paragraphs) {
        for (Paragraphs.Paragraph p : paragraphs) {
            if (!p.heading()) {
                return Math.min(p.end(), p.start() + taxonomy.settings().leadChars());
            }
        }
        return 0;
    }

    /** {from, to, headingStart, headingEnd} per section; none when there is no heading. */
    private static List<int[]> sections(List<Paragraphs.Paragraph> paragraphs) {
        List<int[]> out = new ArrayList<>();
        if (paragraphs.stream().noneMatch(Paragraphs.Paragraph::heading)) {
            return out;
        }
        int[] current = null;
        for (Paragraphs.Paragraph p : paragraphs) {
            if (p.heading() || current == null) {
                current = p.heading() ? new int[] {p.start(), p.end(), p.start(), p.end()}
                        : new int[] {p.start(), p.end(), -1, -1};
                out.add(current);
            } else {
                current[1] = p.end();
            }
        }
        return out;
    }

    private Set<String> withParents(Set<String> labels) {
        Set<String> out = new LinkedHashSet<>(labels);
        for (String id : labels) {
            for (String p = parentOf(id); p != null; p = parentOf(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private String parentOf(String id) {
        return taxonomy.categories().stream().filter(c -> c.id().equals(id)).findFirst().map(Category::parent)
                .orElse(null);
    }

    private String childIn(String parent, Set<String> candidates) {
        for (String c : candidates) {
            for (String p = parentOf(c); p != null; p = parentOf(p)) {
                if (p.equals(parent)) {
                    return c;
                }
            }
        }
        throw new IllegalStateException("no child of " + parent + " in " + candidates);
    }

    private List<String> order(Set<String> labels, Map<String, Double> scores) {
        List<String> ids = taxonomy.categoryIds();
        return labels.stream().sorted((a, b) -> {
            int byScore = Double.compare(scores.getOrDefault(b, 0.0), scores.getOrDefault(a, 0.0));
            return byScore != 0 ? byScore : Integer.compare(ids.indexOf(a), ids.indexOf(b));
        }).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
