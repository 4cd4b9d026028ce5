package dev.khabar.ingest.extract;

import org.jsoup.nodes.Element;

/**
 * Text statistics of one element's subtree, computed bottom-up in a single pass by
 * {@link PageScan}: visible characters, characters inside links, and how many characters sit in
 * paragraph-like chunks ({@code good}), link lists and labels ({@code bad}) or short lines
 * ({@code neutral}). Pruned subtrees do not count towards their ancestors.
 */
final class NodeStats {
    static final double DECAY = 0.9;
    static final double BAD_WEIGHT = 1.0;
    static final double NEUTRAL_WEIGHT = 0.3;
    static final double INLINE_LINK_WEIGHT = 0.5;
    static final int TEASER_MAX = 400;
    static final double TEASER_WEIGHT = 0.3;
    final Element element;
    final NodeStats parent;
    final BoilerplateRules.Kind kind;
    final boolean block;
    int chars;
    int linkChars;
    int good;
    int bad;
    int neutral;
    int paragraphs;
    /** score of this element's own text chunks */
    double ownScore;
    /** own score plus children's decayed scores, each level down weighted by {@link #DECAY} */
    double decayed;
    /** good characters of the largest content-marked element in this subtree */
    int markerGood;
    boolean contentMarker;
    boolean pruned;

    // the inline chunk being accumulated while this element is a block owner
    int chunkChars;
    int chunkLinkChars;
    int chunkDense;
    char chunkLast;
    byte chunkEllipsis;

    NodeStats(Element element, NodeStats parent, BoilerplateRules.Kind kind, boolean block) {
        this.element = element;
        this.parent = parent;
        this.kind = kind;
        this.block = block;
    }

    /** Classifies the pending inline chunk into good, bad or neutral characters. */
    void flushChunk() {
        int c = chunkChars;
        if (c == 0) {
            return;
        }
        int l = chunkLinkChars;
        boolean dense = chunkDense * 2 > c;
        int longChunk = dense ? 30 : 80;
        int shortChunk = dense ? 10 : 25;
        if (l * 2 > c) {
            bad += c;
            ownScore -= BAD_WEIGHT * c;
        } else if ((chunkEllipsis == 2 || chunkEllipsis == 1 && l > 0) && c < TEASER_MAX) {
            // "An excerpt of another article…" or "… [Read more]": a teaser
            neutral += c;
            ownScore -= TEASER_WEIGHT * c;
        } else if (c >= longChunk || (c >= shortChunk && isSentenceEnd(chunkLast))) {
            good += c - l;
            bad += l;
            paragraphs++;
            ownScore += c - l - INLINE_LINK_WEIGHT * l;
        } else {
            neutral += c;
            ownScore -= NEUTRAL_WEIGHT * c;
        }
        chunkChars = 0;
        chunkLinkChars = 0;
        chunkDense = 0;
        chunkLast = 0;
        chunkEllipsis = 0;
    }

    /** Adds a child's totals to this element's. */
    void add(NodeStats child) {
        chars += child.chars;
        linkChars += child.linkChars;
        good += child.good;
        bad += child.bad;
        neutral += child.neutral;
        paragraphs += child.paragraphs;
    }

    void subtract(NodeStats child) {
        chars -= child.chars;
        linkChars -= child.linkChars;
        good -= child.good;
        bad -= child.bad;
        neutral -= child.neutral;
        paragraphs -= child.paragraphs;
    }

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }

    static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '।' || c == '॥' || c == '。' || c == '！'
                || c == '？' || c == ':' || c == ';' || c == '"' || c == '”' || c == '’' || c == ')'
                || c == '…' || c == '»' || c == '\'';
    }

    /** Scripts written without spaces or with dense characters (CJK, kana, Hangul, Thai). */
    static boolean isDense(char c) {
        return c >= 0x2E80 && (c <= 0x9FFF || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF))
                || (c >= 0x0E00 && c <= 0x0E7F);
    }
}
