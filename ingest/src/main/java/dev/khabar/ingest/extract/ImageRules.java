package dev.khabar.ingest.extract;

import java.util.Locale;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Which {@code <img>} source to use, which images are decoration, and where captions live. */
final class ImageRules {
    private static final String[] LAZY_ATTRS = {
        "data-src", "data-lazy-src", "data-original", "data-orig-file", "data-large-file", "data-url",
        "data-hi-res-src", "src"
    };
    private static final int MIN_SIDE = 50;
    // parsed once: jsoup parses a selector string again on every select()
    private static final Evaluator FIGCAPTION = QueryParser.parse("figcaption");
    private static final Evaluator WP_CAPTION = QueryParser.parse(".wp-caption-text, .caption, figcaption");
    private static final Evaluator CREDIT = QueryParser.parse("[class*=credit], [class*=copyright], [class*=source]");

    private ImageRules() {
    }

    static String source(Element img) {
        for (String a : LAZY_ATTRS) {
            String v = img.attr(a).strip();
            if (!v.isEmpty() && !v.startsWith("data:")) {
                return v;
            }
        }
        String srcset = img.attr("srcset").strip();
        if (srcset.isEmpty()) {
            srcset = img.attr("data-srcset").strip();
        }
        if (!srcset.isEmpty()) {
            int sp = srcset.indexOf(' ');
            int comma = srcset.indexOf(',');
            int end = sp < 0 ? (comma < 0 ? srcset.length() : comma) : sp;
            return srcset.substring(0, end);
        }
        return null;
    }

    static boolean isDecorative(Element img, String src) {
        if (tooSmall(img.attr("width")) || tooSmall(img.attr("height"))) {
            return true;
        }
        String s = src.toLowerCase(Locale.ROOT);
        return s.contains("/emoji/") || s.contains("gravatar.com") || s.contains("/avatar")
                || s.contains("pixel") || s.contains("spacer") || s.contains("blank.gif")
                || s.contains("/icons/") || s.endsWith(".svg") || s.contains("logo")
                || s.contains("feedburner") || s.contains("doubleclick");
    }

    private static boolean tooSmall(String size) {
        if (size.isEmpty()) {
            return false;
        }
        int n = 0;
        int i = 0;
        while (i < size.length() && Character.isDigit(size.charAt(i)) && i < 6) {
            n = n * 10 + (size.charAt(i) - '0');
            i++;
        }
        return i > 0 && n < MIN_SIDE;
    }

    /** The caption of the figure the image sits in, or {@code null}. */
    static String caption(Element img) {
        Element e = img.parent();
        for (int i = 0; i < 4 && e != null; i++, e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("figure")) {
                Element cap = e.selectFirst(FIGCAPTION);
                return cap == null ? null : withoutCredit(cap);
            }
            if (e.className().contains("wp-caption")) {
                Element cap = e.selectFirst(WP_CAPTION);
                return cap == null ? null : withoutCredit(cap);
            }
            if (tag.equals("body") || tag.equals("article")) {
                break;
            }
        }
        return null;
    }

    /** The caption's text without its photo credit ({@code .credit}, {@code .copyright}). */
    private static String withoutCredit(Element caption) {
        if (caption.selectFirst(CREDIT) == null) {
            return blankToNull(caption.text()); // nothing to take out: no copy
        }
        Element c = caption.clone();
        c.select(CREDIT).remove();
        return blankToNull(c.text());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
