package dev.khabar.processor.classify;

import dev.khabar.processor.classify.CategoryScorer.Mention;
import dev.khabar.processor.classify.CategoryScorer.Outcome;
import dev.khabar.processor.classify.CategoryScorer.Scope;
import dev.khabar.processor.classify.TermIndex.Hit;
import dev.khabar.processor.classify.TermIndex.Role;
import dev.khabar.processor.clean.Paragraphs;
import java.util.List;

/**
 * Passages of an article for a category with {@code passage_sentences}: the sentences around
 * each of its key terms, scored on their own, so an event told in a sentence or two of an article
 * about something else can earn its label.
 */
final class Passages {

    private Passages() {
    }

    /**
     * The first passage of the text — the sentence of a key term with the sentences around it,
     * {@code passage_sentences} in all — in which the category applies on its own; null if none.
     */
    static Outcome first(CategoryScorer scorer, Category category, List<Hit> hits, List<Mention> mentions, String head,
                         String body, List<Paragraphs.Paragraph> paragraphs, int leadEnd) {
        int[] starts = null;
        int lastFrom = -1;
        int firstText = 0; // hits are the title's, then the text's in order of their start
        while (firstText < hits.size() && hits.get(firstText).inTitle()) {
            firstText++;
        }
        for (Hit h : hits) {
            if (h.inTitle() || h.ref().role() != Role.POSITIVE || h.ref().weight() < category.keyTermWeight()) {
                continue;
            }
            if (starts == null) {
                starts = Paragraphs.sentenceStarts(body, paragraphs);
            }
            int s = Paragraphs.sentenceAt(starts, h.start());
            int before = (category.passageSentences() - 1) / 2;
            int last = s + category.passageSentences() - 1 - before;
            int from = starts[Math.max(0, s - before)];
            int to = last + 1 < starts.length ? starts[last + 1] : body.length();
            if (from == lastFrom) {
                continue;
            }
            lastFrom = from;
            // only the passage's own hits: a long article has hundreds, and as many passages to try
            List<Hit> inside = hits.subList(firstAtOrAfter(hits, firstText, from), firstAtOrAfter(hits, firstText, to));
            Outcome o = scorer.score(category, inside, new Scope(false, from, to, -1, -1, leadEnd), mentions, head, body);
            if (o.applies()) {
                return o;
            }
        }
        return null;
    }

    /** The index of the first text hit (from {@code lo} on) that starts at or after {@code offset}. */
    private static int firstAtOrAfter(List<Hit> hits, int lo, int offset) {
        int hi = hits.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hits.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
