package dev.khabar.ingest.extract;

import org.jsoup.nodes.Element;

/**
 * Picks the element holding the article body: the subtree that maximises paragraph text minus
 * link lists, labels and other short lines (a maximum-density subtree), with a bonus for
 * elements marked up as the article body.
 */
final class ContentLocator {
    private static final double MARKER_BONUS = 0.15;
    private static final int MAX_GROW_LEVELS = 8;
    private static final double GROW_RATIO = 0.9;
    private static final double GROW_GAIN = 1.2;

    private ContentLocator() {
    }

    /** The best content element, or {@code null} when the page has no paragraph text at all. */
    static Element locate(PageScan scan) {
        NodeStats best = null;
        double bestScore = 0;
        for (NodeStats s : scan.postOrder) {
            if (s.good == 0 || s.pruned) {
                continue;
            }
            double score = score(s);
            if (score > bestScore && !scan.isExcluded(s.element)) {
                best = s;
                bestScore = score;
            }
        }
        return best == null ? null : grow(scan, best, bestScore).element;
    }

    /**
     * An article split into sibling sections (by figures, ads, pull quotes) scores a little lower
     * at the common parent than at its biggest section; move up while an ancestor scores nearly
     * as well and holds clearly more paragraph text.
     */
    private static NodeStats grow(PageScan scan, NodeStats best, double bestScore) {
        NodeStats chosen = best;
        NodeStats p = best.parent;
        for (int level = 0; level < MAX_GROW_LEVELS && p != null && !p.pruned; level++, p = p.parent) {
            if (score(p) >= GROW_RATIO * bestScore && p.good >= GROW_GAIN * chosen.good) {
                chosen = p;
            }
        }
        return chosen;
    }

    static double score(NodeStats s) {
        double score = s.decayed;
        if (s.contentMarker) {
            score += MARKER_BONUS * Math.max(0, s.decayed);
        }
        return score;
    }
}
