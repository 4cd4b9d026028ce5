package dev.khabar.ingest.extract;

import org.jsoup.nodes.Element;

/**
 * Picks the element holding the article body: the subtree that maximises paragraph text minus
 * link lists, labels and other short lines (a maximum-density subtree), with a bonus for
 * elements marked up as the article body.
 */
final class ContentLocator {
    private static final double MARKER_BONUS = 0.15;

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
        return best == null ? null : best.element;
    }

    static double score(NodeStats s) {
        double score = s.decayed;
        if (s.contentMarker) {
            score += MARKER_BONUS * Math.max(0, s.decayed);
        }
        return score;
    }
}
