package dev.khabar.ingest.extract;

import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * Structural boilerplate rules: which tags never carry article text, which tags start a new
 * block, and which class/id names mark navigation, widgets, comments, ads and the like.
 */
final class BoilerplateRules {

    /** How an element's class/id names classify it. */
    enum Kind { NEUTRAL, BOILERPLATE, COMMENTS, CONTENT }

    private static final Set<String> SKIPPED_TAGS = Set.of(
            "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
            "canvas", "button", "select", "input", "textarea", "option", "nav", "aside", "head",
            "title", "meta", "link", "video", "audio", "map", "dialog", "label", "picture", "source");

    private static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "section", "article", "main", "header", "footer", "figure", "figcaption", "ul", "ol",
            "table", "tr", "tbody", "thead", "form", "address", "center", "body", "dl", "details",
            "summary", "hr", "fieldset", "caption", "html", "hgroup");

    /** Names that mark boilerplate even when a content-ish name is also present. */
    private static final SubstringSet STRONG_SUBSTRINGS = new SubstringSet(
        "comment", "sidebar", "related", "share", "sharing", "social", "newsletter", "advert",
        "sponsor", "cookie", "breadcrumb", "widget", "taboola", "outbrain", "disqus", "subscribe",
        "popular", "trending", "recommend", "translate", "signup", "byline", "navbar", "masthead",
        "promo", "paywall", "consent", "gdpr", "toolbar", "author-bio", "authorbio", "author-box",
        "authorbox", "about-author", "jp-relatedposts", "sharedaddy", "screen-reader", "skip-link",
        "newsticker", "most-read", "mostread", "more-stories", "read-more", "readmore", "also-read",
        "rating", "reaction", "pagination", "post-nav", "postnav", "wp-caption-text", "ad-slot",
        "adslot", "ad-container", "ad-wrapper", "adsbygoogle", "dfp", "emoji", "login", "modal",
        "popup", "overlay", "tagcloud", "tags-links", "cat-links", "post-tags", "entry-tags",
        "post-categories", "credit", "caption", "copyright");

    /** Whole name tokens that mark boilerplate unless a content-ish name is also present. */
    private static final Set<String> WEAK_TOKENS = Set.of(
            "ad", "ads", "nav", "menu", "footer", "header", "meta", "tags", "tag", "categories",
            "category", "author", "date", "hidden", "print", "banner", "pager", "share", "topics",
            "keywords", "extra", "supplemental", "links", "more", "next", "prev", "previous", "sr",
            "skip", "alert", "notice", "ticker", "carousel", "slider", "gallery", "toc");

    private static final SubstringSet WEAK_CANDIDATES = new SubstringSet(WEAK_TOKENS.toArray(String[]::new));

    private static final SubstringSet CONTENT_NAMES = new SubstringSet(
            "article", "content", "entry", "post", "story", "body", "main", "blog", "prose");

    private static final SubstringSet CONTENT_MARKERS = new SubstringSet(
            "entry-content", "post-content", "article-body", "articlebody", "article-content", "post-body",
            "story-body", "article__body", "post-entry", "entry-body", "story-content", "article-text");

    private BoilerplateRules() {
    }

    static boolean isSkippedTag(String tag) {
        return SKIPPED_TAGS.contains(tag);
    }

    static boolean isBlockTag(String tag) {
        return BLOCK_TAGS.contains(tag);
    }

    static boolean isHidden(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.attributes().hasKey("hidden")) {
            return true;
        }
        String style = e.attributes().get("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT);
        return s.contains("display:none") || s.contains("display: none")
                || s.contains("visibility:hidden") || s.contains("visibility: hidden");
    }

    /** Lower-cased "class id" of an element, or "" when it has neither. */
    static String names(Element e) {
        if (e.attributesSize() == 0) {
            return "";
        }
        String cls = e.attributes().get("class");
        String id = e.attributes().get("id");
        if (cls.isEmpty() && id.isEmpty()) {
            return "";
        }
        return (cls + ' ' + id).toLowerCase(Locale.ROOT);
    }

    /** Classifies an element by its role, itemprop, and class and id names ({@code traits}). */
    static Kind classify(Element e, NameTraits traits) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html")) {
            return Kind.NEUTRAL;
        }
        String role = attr(e, "role");
        if (!role.isEmpty()) {
            String r = role.toLowerCase(Locale.ROOT);
            if (r.equals("navigation") || r.equals("complementary") || r.equals("banner")
                    || r.equals("contentinfo") || r.equals("dialog") || r.equals("alert")) {
                return Kind.BOILERPLATE;
            }
        }
        if (hasItemprop(e, "articleBody")) {
            return Kind.CONTENT;
        }
        return traits.kind();
    }

    /** Classification by class and id names alone (cacheable: pages repeat class lists a lot). */
    static Kind classifyNames(String names) {
        if (names.contains("comment") || names.contains("respond") || names.contains("disqus")) {
            return names.contains("no-comment") || names.contains("comments-open") ? Kind.NEUTRAL : Kind.COMMENTS;
        }
        if (STRONG_SUBSTRINGS.containsAny(names) && !names.contains("embed")) {
            return Kind.BOILERPLATE;
        }
        if (WEAK_CANDIDATES.containsAny(names) && hasWeakToken(names) && !CONTENT_NAMES.containsAny(names)) {
            return Kind.BOILERPLATE;
        }
        return Kind.NEUTRAL;
    }

    private static boolean hasWeakToken(String names) {
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            boolean word = i < names.length() && Character.isLetterOrDigit(names.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                if (WEAK_TOKENS.contains(names.substring(start, i))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    /** An attribute by its exact (parser-lower-cased) name; cheaper than {@code Element.attr}. */
    static String attr(Element e, String key) {
        return e.attributesSize() == 0 ? "" : e.attributes().get(key);
    }

    static boolean hasItemprop(Element e, String prop) {
        String v = attr(e, "itemprop");
        if (v.isEmpty()) {
            return false;
        }
        for (String p : v.split(" ")) {
            if (p.equals(prop)) {
                return true;
            }
        }
        return false;
    }

    /** Other articles' areas: sidebars, widgets, related and popular lists, comments. */
    static boolean isSideArea(Element e) {
        String n = (e.className() + ' ' + e.id()).toLowerCase(Locale.ROOT);
        return n.contains("sidebar") || n.contains("widget") || n.contains("related") || n.contains("comment")
                || n.contains("recommend") || n.contains("popular") || n.contains("trending");
    }

    /** Strong signals that an element holds the article body. */
    static boolean isContentMarker(Element e, NameTraits traits) {
        String tag = e.normalName();
        return tag.equals("article") || tag.equals("main") || traits.contentMarker() || hasItemprop(e, "articleBody");
    }

    static boolean isContentMarkerName(String names) {
        return CONTENT_MARKERS.containsAny(names);
    }
}
