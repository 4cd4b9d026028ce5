package dev.khabar.ingest.extract;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the article title (JSON-LD headline, og:title, twitter:title, {@code <title>}, the
 * {@code <h1>}) and removes the " – Site Name" part that page titles carry.
 */
final class TitleFinder {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String[] SEPARATORS = {" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " « ", " // ", " ~ "};

    private TitleFinder() {
    }

    static String find(PageScan scan, JsonLdArticle ld, String siteName, String host, Map<String, String> sources) {
        PageIndex idx = scan.index;
        String h1 = firstH1(scan);
        String[][] candidates = {
            {"json-ld", ld.headline()},
            {"og:title", idx.meta("og:title")},
            {"twitter:title", idx.meta("twitter:title")},
            {"title", idx.titleText},
            {"h1", h1},
        };
        for (String[] c : candidates) {
            if (c[1] == null || c[1].isBlank()) {
                continue;
            }
            String t = collapse(TextRules.unescape(c[1]));
            // "Headline – Site Name" with the headline as the page's h1: the h1 is the title, when it is not a
            // tiny prefix of a long page title, or what follows it is short enough to be a site name
            if (h1 != null && !c[0].equals("h1") && !t.equals(h1) && t.startsWith(h1)
                    && (h1.length() * 3 > t.length() || t.length() - h1.length() <= 40)
                    && isSeparator(t.substring(h1.length()))) {
                sources.put("title", c[0] + "+h1");
                return h1;
            }
            sources.put("title", c[0]);
            return stripSiteName(t, siteName, host);
        }
        return "";
    }

    /** " | Site", " - Site": what follows a headline in a page title. */
    private static boolean isSeparator(String rest) {
        String r = rest.strip();
        return !r.isEmpty() && "|-–—:·»/~".indexOf(r.charAt(0)) >= 0;
    }

    /**
     * The article's {@code <h1>}: the one nearest the content region, else the only one outside
     * side areas (a page whose header carries the site name in an h1 has several).
     */
    private static String firstH1(PageScan scan) {
        Element only = null;
        int count = 0;
        for (Element h : scan.index.h1s) {
            if (scan.isInSideArea(h) || h.text().isBlank()) {
                continue;
            }
            if (scan.isNearContent(h)) {
                return collapse(h.text());
            }
            only = h;
            count++;
        }
        return count == 1 ? collapse(only.text()) : null;
    }

    /** "Blog Name: Post Title" → "Blog Name", when the article title is known; else null. */
    static String siteNameFromPageTitle(String pageTitle, String title) {
        if (pageTitle == null || title == null || title.isEmpty()) {
            return null;
        }
        String page = collapse(pageTitle);
        int at = page.indexOf(title);
        if (at < 0 || page.length() == title.length()) {
            return null;
        }
        String rest = (page.substring(0, at) + ' ' + page.substring(at + title.length())).strip();
        int start = 0;
        int end = rest.length();
        while (start < end && !TextRules.isWordChar(rest.charAt(start))) {
            start++;
        }
        while (end > start && !TextRules.isWordChar(rest.charAt(end - 1))) {
            end--;
        }
        String name = rest.substring(start, end);
        return name.length() >= 2 && name.length() <= 60 ? name : null;
    }

    static String stripSiteName(String title, String siteName, String host) {
        for (String sep : SEPARATORS) {
            int last = title.lastIndexOf(sep);
            if (last > 0 && isSiteName(title.substring(last + sep.length()), siteName, host)) {
                return title.substring(0, last).strip();
            }
            int first = title.indexOf(sep);
            if (first > 0 && isSiteName(title.substring(0, first), siteName, host)) {
                return title.substring(first + sep.length()).strip();
            }
        }
        return title;
    }

    private static boolean isSiteName(String part, String siteName, String host) {
        String p = squash(part);
        if (p.isEmpty()) {
            return false;
        }
        if (siteName != null) {
            String s = squash(siteName);
            if (!s.isEmpty() && (p.equals(s) || p.startsWith(s) || s.startsWith(p))) {
                return true;
            }
        }
        if (host != null) {
            String h = host.toLowerCase(Locale.ROOT).replace("www.", "");
            String label = squash(h.contains(".") ? h.substring(0, h.indexOf('.')) : h);
            return p.equals(squash(h)) || (label.length() >= 3 && (p.equals(label) || p.replace("the", "").equals(label)));
        }
        return false;
    }

    private static String squash(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (TextRules.isWordChar(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    static String collapse(String s) {
        return s == null ? "" : WHITESPACE.matcher(s.replace('\u00a0', ' ')).replaceAll(" ").strip();
    }
}
