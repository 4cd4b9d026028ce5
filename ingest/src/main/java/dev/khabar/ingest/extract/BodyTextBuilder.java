package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Walks the chosen content element in document order and cuts it into lines: one per paragraph,
 * heading, list item, quote or {@code <br>}-separated line, leaving out pruned boilerplate
 * subtrees, captions and hidden elements. Also collects the images on the way.
 */
final class BodyTextBuilder implements NodeFilter {
    private static final int MAX_READ_MORE_BOX = 400;
    private final PageScan scan;
    private final UrlResolver urls;
    private final List<BodyChunk> chunks = new ArrayList<>();
    private final List<ExtractedImage> images = new ArrayList<>();
    private final List<String> blockStack = new ArrayList<>();
    private final List<String> readMore = new ArrayList<>();
    private BodyChunk chunk;
    private int linkDepth;
    private int preDepth;

    private BodyTextBuilder(PageScan scan, UrlResolver urls) {
        this.scan = scan;
        this.urls = urls;
    }

    /** The raw lines of {@code region}, before line-level filtering. */
    static BodyTextBuilder walk(Element region, PageScan scan, UrlResolver urls) {
        BodyTextBuilder b = new BodyTextBuilder(scan, urls);
        b.blockStack.add(region.normalName());
        b.chunk = new BodyChunk(region.normalName());
        NodeTraversor.filter(b, region);
        b.flush(region.normalName());
        return b;
    }

    List<BodyChunk> chunks() {
        return chunks;
    }

    /** Links of pruned "read more" boxes met on the way. */
    List<String> readMoreBoxLinks() {
        return readMore;
    }

    List<ExtractedImage> images() {
        return images;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
            if (preDepth > 0) {
                appendPreformatted(t.getWholeText());
            } else {
                chunk.append(t.getWholeText(), linkDepth > 0);
            }
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) {
            return FilterResult.CONTINUE;
        }
        NodeStats s = scan.of(e);
        if (s == null) {
            return FilterResult.SKIP_ENTIRELY;
        }
        if (s.pruned) {
            collectReadMoreBox(e, s);
            collectFigureImages(e, s);
            return FilterResult.SKIP_ENTIRELY;
        }
        String tag = e.normalName();
        switch (tag) {
            case "img" -> {
                addImage(e);
                return FilterResult.CONTINUE;
            }
            case "figcaption" -> {
                return FilterResult.SKIP_ENTIRELY;
            }
            case "br" -> {
                flush(currentBlock());
                return FilterResult.CONTINUE;
            }
            case "a" -> {
                linkDepth++;
                String href = urls.resolve(e.attr("href"));
                if (href != null && linkDepth == 1) {
                    chunk.links.add(href);
                }
                return FilterResult.CONTINUE;
            }
            case "td", "th" -> chunk.space();
            case "pre" -> preDepth++;
            default -> { }
        }
        if (s.block && depth > 0) {
            flush(currentBlock());
            blockStack.add(tag);
            chunk = new BodyChunk(tag);
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element e)) {
            return FilterResult.CONTINUE;
        }
        String tag = e.normalName();
        if (tag.equals("a")) {
            linkDepth = Math.max(0, linkDepth - 1);
            return FilterResult.CONTINUE;
        }
        if (tag.equals("pre")) {
            preDepth = Math.max(0, preDepth - 1);
        }
        NodeStats s = scan.of(e);
        if (s != null && s.block && depth > 0) {
            flush(tag);
            blockStack.remove(blockStack.size() - 1);
            chunk = new BodyChunk(currentBlock());
        } else if (tag.equals("td") || tag.equals("th")) {
            chunk.space();
        }
        return FilterResult.CONTINUE;
    }

    /** Preformatted text keeps its lines. */
    private void appendPreformatted(String text) {
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            chunk.append(text.substring(start, nl), linkDepth > 0);
            flush(currentBlock());
            start = nl + 1;
        }
        chunk.append(text.substring(start), linkDepth > 0);
    }

    private String currentBlock() {
        return blockStack.isEmpty() ? "div" : blockStack.get(blockStack.size() - 1);
    }

    private void flush(String tag) {
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        chunk = new BodyChunk(tag);
    }

    /** An "Also read: …" box pruned as boilerplate still yields its read-more links. */
    private void collectReadMoreBox(Element e, NodeStats s) {
        if (s.chars > MAX_READ_MORE_BOX || s.linkChars == 0) {
            return;
        }
        String text = e.text();
        if (TextRules.isReadMorePrompt(text)) {
            for (Element a : e.getElementsByTag("a")) {
                String href = urls.resolve(a.attr("href"));
                if (href != null && !readMore.contains(href)) {
                    readMore.add(href);
                }
            }
        }
    }

    /** A pruned caption box ("wp-caption", "image-credit") still holds the article's image. */
    private void collectFigureImages(Element e, NodeStats s) {
        if (s.chars > MAX_READ_MORE_BOX || s.linkChars * 2 > s.chars) {
            return;
        }
        for (Element img : e.getElementsByTag("img")) {
            addImage(img);
        }
    }

    private void addImage(Element img) {
        String src = ImageRules.source(img);
        if (src == null || ImageRules.isDecorative(img, src)) {
            return;
        }
        String url = urls.resolve(src);
        if (url == null) {
            return;
        }
        for (ExtractedImage i : images) {
            if (i.url().equals(url)) {
                return;
            }
        }
        images.add(new ExtractedImage(url, ImageRules.caption(img)));
    }
}
