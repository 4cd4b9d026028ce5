package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * One pass over the whole document: computes {@link NodeStats} for every visible element
 * bottom-up, decides which boilerplate subtrees are pruned, and fills the {@link PageIndex}.
 */
final class PageScan implements NodeFilter {
    private static final int MAX_RESCUES = 3;
    private static final int MIN_RESCUE = 200;
    private static final int NEAR_CONTENT_LEVELS = 3;

    final Map<Element, NodeStats> stats = new IdentityHashMap<>();
    final List<NodeStats> postOrder = new ArrayList<>();
    final PageIndex index = new PageIndex();
    private final List<NodeStats> pruned = new ArrayList<>();
    private final Map<String, NameTraits> traitsByNames = new HashMap<>();
    private final Set<Element> contentPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Document doc;
    private NodeStats current;
    private Element contentRegion;
    private int linkDepth;

    private PageScan(Document doc) {
        this.doc = doc;
    }

    static PageScan scan(Document doc) {
        PageScan scan = new PageScan(doc);
        NodeTraversor.filter(scan, doc);
        scan.rescueLargePrunedRegions();
        return scan;
    }

    NodeStats root() {
        return stats.get(doc);
    }

    NodeStats of(Element e) {
        return stats.get(e);
    }

    /** True if the element or one of its ancestors was pruned or skipped. */
    boolean isExcluded(Element e) {
        NodeStats s = stats.get(e);
        if (s == null) {
            return true;
        }
        for (; s != null; s = s.parent) {
            if (s.pruned) {
                return true;
            }
        }
        return false;
    }

    /** Records the chosen content element: it and its ancestors are never side areas. */
    void setContentRegion(Element region) {
        contentRegion = region;
        for (Element p = region; p != null; p = p.parent()) {
            contentPath.add(p);
        }
    }

    /** True if {@code e} is inside the content region or close above it (its title, its byline). */
    boolean isNearContent(Element e) {
        if (contentRegion == null) {
            return false;
        }
        Element scope = contentRegion;
        for (int i = 0; i < NEAR_CONTENT_LEVELS && scope.parent() != null && scope.parent() != doc.body(); i++) {
            scope = scope.parent();
        }
        for (Element p = e; p != null; p = p.parent()) {
            if (p == scope) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if {@code e} sits in a comment thread, sidebar, widget, related-posts box or footer, or
     * in a skipped element: bylines and dates found there belong to other articles.
     */
    boolean isInSideArea(Element e) {
        if (!stats.containsKey(e)) {
            return true;
        }
        for (Element p = e.parent(); p != null && p != doc.body() && !contentPath.contains(p); p = p.parent()) {
            NodeStats s = stats.get(p);
            if (s == null || s.kind == BoilerplateRules.Kind.COMMENTS) {
                return true;
            }
            if (s.kind == BoilerplateRules.Kind.BOILERPLATE && BoilerplateRules.isSideArea(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
            addText(t.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) {
            return FilterResult.CONTINUE;
        }
        String tag = e.normalName();
        if (tag.equals("head")) {
            for (Element x : e.getAllElements()) {
                index.visit(x);
            }
            return FilterResult.SKIP_ENTIRELY;
        }
        String names = BoilerplateRules.names(e);
        NameTraits traits = names.isEmpty() ? NameTraits.NONE : traitsByNames.computeIfAbsent(names, NameTraits::of);
        index.visit(e, traits);
        if (e != doc && (BoilerplateRules.isSkippedTag(tag) || BoilerplateRules.isHidden(e))) {
            return FilterResult.SKIP_ENTIRELY;
        }
        BoilerplateRules.Kind kind = e == doc ? BoilerplateRules.Kind.NEUTRAL : BoilerplateRules.classify(e, traits);
        if ((tag.equals("header") || tag.equals("footer")) && kind == BoilerplateRules.Kind.NEUTRAL) {
            kind = BoilerplateRules.Kind.BOILERPLATE;
        }
        boolean block = e == doc || BoilerplateRules.isBlockTag(tag) || kind != BoilerplateRules.Kind.NEUTRAL;
        if (block && current != null) {
            owner(current).flushChunk();
        }
        NodeStats frame = new NodeStats(e, current, kind, block);
        frame.contentMarker = (kind == BoilerplateRules.Kind.NEUTRAL || kind == BoilerplateRules.Kind.CONTENT)
                && BoilerplateRules.isContentMarker(e, traits);
        if (tag.equals("a")) {
            linkDepth++;
        }
        stats.put(e, frame);
        current = frame;
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element e) || current == null || current.element != e) {
            return FilterResult.CONTINUE;
        }
        NodeStats frame = current;
        if (e.normalName().equals("a")) {
            linkDepth--;
        }
        if (frame.block) {
            frame.flushChunk();
        }
        if (frame.contentMarker) {
            frame.markerGood = Math.max(frame.markerGood, frame.good);
        }
        if (frame.kind == BoilerplateRules.Kind.BOILERPLATE || frame.kind == BoilerplateRules.Kind.COMMENTS) {
            boolean protectedRegion = frame.markerGood > 150 && frame.markerGood * 2 >= frame.good;
            if (!protectedRegion) {
                frame.pruned = true;
                pruned.add(frame);
            }
        }
        frame.decayed += frame.ownScore;
        NodeStats parent = frame.parent;
        if (parent != null && !frame.pruned) {
            parent.add(frame);
            parent.decayed += NodeStats.DECAY * frame.decayed;
            parent.markerGood = Math.max(parent.markerGood, frame.markerGood);
        }
        postOrder.add(frame);
        current = parent;
        return FilterResult.CONTINUE;
    }

    private void addText(String text) {
        if (current == null) {
            return;
        }
        int n = 0;
        int dense = 0;
        char last = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c != '\u00a0' && !Character.isWhitespace(c)) {
                n++;
                last = c;
                if (c >= 0x0E00 && NodeStats.isDense(c)) {
                    dense++;
                }
            }
        }
        if (n == 0) {
            return;
        }
        current.chars += n;
        NodeStats owner = owner(current);
        owner.chunkChars += n;
        owner.chunkDense += dense;
        owner.chunkLast = last;
        owner.chunkEllipsis = endsWithEllipsis(text);
        if (linkDepth > 0) {
            current.linkChars += n;
            owner.chunkLinkChars += n;
        }
    }

    /** 0: no ellipsis at the end; 1: "…" or "..."; 2: "[…]" as WordPress excerpts end. */
    private static byte endsWithEllipsis(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        boolean bracket = end > 0 && text.charAt(end - 1) == ']';
        if (bracket) {
            end--;
        }
        boolean ellipsis = end > 0 && text.charAt(end - 1) == '…' || end > 2 && text.startsWith("...", end - 3);
        return (byte) (ellipsis ? (bracket ? 2 : 1) : 0);
    }

    private static NodeStats owner(NodeStats s) {
        NodeStats o = s;
        while (!o.block && o.parent != null) {
            o = o.parent;
        }
        return o;
    }

    /**
     * A "boilerplate" region holding more paragraph text than the rest of the page together is a
     * layout wrapper with an unlucky name ("has-sidebar"), not boilerplate: count it back in.
     */
    private void rescueLargePrunedRegions() {
        NodeStats root = root();
        if (root == null || pruned.isEmpty()) {
            return;
        }
        pruned.sort(Comparator.comparingInt((NodeStats s) -> s.good).reversed());
        for (int i = 0; i < Math.min(MAX_RESCUES, pruned.size()); i++) {
            NodeStats s = pruned.get(i);
            while (s != null && s.pruned && s.kind != BoilerplateRules.Kind.COMMENTS
                    && s.good > MIN_RESCUE && s.good > 2 * root.good) {
                s.pruned = false;
                NodeStats p = s.parent;
                double weight = NodeStats.DECAY;
                for (; p != null; p = p.parent, weight *= NodeStats.DECAY) {
                    p.add(s);
                    p.decayed += weight * s.decayed;
                    if (p.pruned) {
                        break;
                    }
                }
                s = p;
            }
        }
    }
}
