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
    private static final String[] STRONG_SUBSTRINGS = {
        "comment", "sidebar", "related", "share", "sharing", "social", "newsletter", "advert",
        "sponsor", "cookie", "breadcrumb", "widget", "taboola", "outbrain", "disqus", "subscribe",
        "popular", "trending", "recommend", "translate", "signup", "byline", "navbar", "masthead",
        "promo", "paywall", "consent", "gdpr", "toolbar", "author-bio", "authorbio", "author-box",
        "authorbox", "about-author", "jp-relatedposts", "sharedaddy", "screen-reader", "skip-link",
        "newsticker", "most-read", "mostread", "more-stories", "read-more", "readmore", "also-read",
        "rating", "reaction", "pagination", "post-nav", "postnav", "wp-caption-text", "ad-slot",
        "adslot", "ad-container", "ad-wrapper", "adsbygoogle", "dfp", "emoji", "login", "modal",
        "popup", "overlay", "tagcloud", "tags-links", "cat-links", "post-tags", "entry-tags",
        "post-categories", "credit", "caption", "copyright"
    };

    /** Whole name tokens that mark boilerplate unless a content-ish name is also present. */
    private static final Set<String> WEAK_TOKENS = Set.of(
            "ad", "ads", "nav", "menu", "footer", "header", "meta", "tags", "tag", "categories",
            "category", "author", "date", "hidden", "print", "banner", "pager", "share", "topics",
            "keywords", "extra", "supplemental", "links", "more", "next", "prev", "previous", "sr",
            "skip", "alert", "notice", "ticker", "carousel", "slider", "gallery", "toc");

    private static final String[] CONTENT_SUBSTRINGS = {
        "article", "content", "entry", "post", "story", "body", "main", "blog", "prose"
    };

    private BoilerplateRules() {
    }

    static boolean isSkippedTag(String tag) {
        return SKIPPED_TAGS.contains(tag);
    }

    static boolean isBlockTag(String tag) {
        return BLOCK_TAGS.contains(tag);
    }

    static boolean isHidden(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT);
        return s.contains("display:none") || s.contains("display: none")
                || s.contains("visibility:hidden") || s.contains("visibility: hidden");
    }

    /** Classifies an element by its class, id and role names. */
    static Kind classify(Element e) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html")) {
            return Kind.NEUTRAL;
        }
        String cls = e.className();
        String id = e.id();
        String role = e.attr("role");
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
        if (cls.isEmpty() && id.isEmpty()) {
            return Kind.NEUTRAL;
        }
        String names = (cls + ' ' + id).toLowerCase(Locale.ROOT);
        if (names.contains("comment") || names.contains("respond") || names.contains("disqus")) {
            return names.contains("no-comment") || names.contains("comments-open") ? Kind.NEUTRAL : Kind.COMMENTS;
        }
        for (String s : STRONG_SUBSTRINGS) {
            if (names.contains(s)) {
                return Kind.BOILERPLATE;
            }
        }
        boolean weak = false;
        boolean content = false;
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            boolean word = Character.isLetterOrDigit(c);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String token = names.substring(start, i);
                start = -1;
                if (WEAK_TOKENS.contains(token)) {
                    weak = true;
                }
                for (String s : CONTENT_SUBSTRINGS) {
                    if (token.contains(s)) {
                        content = true;
                        break;
                    }
                }
            }
        }
        if (weak && !content) {
            return Kind.BOILERPLATE;
        }
        return Kind.NEUTRAL;
    }

    static boolean hasItemprop(Element e, String prop) {
        String v = e.attr("itemprop");
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
    static boolean isContentMarker(Element e) {
        String tag = e.normalName();
        if (tag.equals("article") || tag.equals("main") || hasItemprop(e, "articleBody")) {
            return true;
        }
        String cls = e.className();
        if (cls.isEmpty()) {
            return false;
        }
        String c = cls.toLowerCase(Locale.ROOT);
        return c.contains("entry-content") || c.contains("post-content") || c.contains("article-body")
                || c.contains("articlebody") || c.contains("article-content") || c.contains("post-body")
                || c.contains("story-body") || c.contains("article__body") || c.contains("post-entry")
                || c.contains("entry-body") || c.contains("story-content") || c.contains("article-text");
    }
}
