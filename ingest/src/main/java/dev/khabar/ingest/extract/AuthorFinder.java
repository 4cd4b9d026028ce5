package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds author names, one source only, most reliable first: JSON-LD, meta tags, microdata,
 * {@code rel=author} links, then byline elements ("By …", "द्वारा …", "प्रस्तुतकर्ता …").
 * Fewer names are better than wrong ones: sidebar and comment bylines, "Email the author" and
 * organisation names equal to the site's are dropped.
 */
final class AuthorFinder {

    private static final Evaluator ITEMPROP_NAME = QueryParser.parse("[itemprop=name]");
    private static final Pattern NAME_SEPARATORS = Pattern.compile(",|&| and | और |;");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s:–—-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String[] PREFIXES = {
        "posted by", "written by", "words by", "story by", "reported by", "by:", "by ", "author:",
        "द्वारा", "प्रस्तुतकर्ता", "लेखक:", "लेखक", "रिपोर्ट:", "por ", "par ", "von ", "di ", "oleh ", "автор:",
        "автор", "text:", "text von"
    };
    private static final Set<String> NOT_NAMES = Set.of(
            "email the author", "view all posts", "more by", "see all", "posts by", "about the author",
            "author", "authors", "contact", "follow", "admin bio", "staff", "the author", "लेखक के बारे में");

    private AuthorFinder() {
    }

    static List<String> find(PageScan scan, JsonLdArticle ld, Map<String, String> sources) {
        Set<String> exclude = new LinkedHashSet<>();
        if (ld.publisher() != null) {
            exclude.add(ld.publisher().toLowerCase(Locale.ROOT));
        }
        List<String> fromLd = new ArrayList<>();
        for (String name : ld.authors()) {
            fromLd.addAll(split(name));
        }
        List<String> found = clean(fromLd, exclude);
        if (!found.isEmpty()) {
            sources.put("authors", "json-ld");
            return found;
        }
        PageIndex idx = scan.index;
        for (String key : new String[] {"author", "article:author", "dc.creator", "dcterms.creator",
            "parsely-author", "sailthru.author", "byl", "twitter:creator:name"}) {
            List<String> v = new ArrayList<>();
            for (String s : idx.metaAll(key)) {
                v.addAll(split(s));
            }
            found = clean(v, exclude);
            if (!found.isEmpty()) {
                sources.put("authors", "meta:" + key);
                return found;
            }
        }
        found = fromElements(scan, idx.itemprops, true, exclude);
        if (!found.isEmpty()) {
            sources.put("authors", "itemprop");
            return found;
        }
        found = fromElements(scan, idx.authorLinks, false, exclude);
        if (!found.isEmpty()) {
            sources.put("authors", "rel-author");
            return found;
        }
        found = fromElements(scan, idx.bylines, false, exclude);
        if (!found.isEmpty()) {
            sources.put("authors", "byline");
        }
        return found;
    }

    private static List<String> fromElements(PageScan scan, List<Element> elements, boolean itemprop,
            Set<String> exclude) {
        List<String> names = new ArrayList<>();
        for (Element e : elements) {
            if (itemprop && !e.attr("itemprop").equalsIgnoreCase("author")) {
                continue;
            }
            if (!inArticleArea(scan, e)) {
                continue;
            }
            String raw;
            Element name = itemprop ? e.selectFirst(ITEMPROP_NAME) : null;
            if (name != null) {
                raw = name.hasAttr("content") ? name.attr("content") : name.text();
            } else if (e.hasAttr("content")) {
                raw = e.attr("content");
            } else {
                NodeStats st = scan.of(e);
                if (st != null && st.chars > 150) {
                    continue;
                }
                raw = e.text();
            }
            names.addAll(split(raw));
            if (!itemprop && !clean(names, exclude).isEmpty()) {
                break;
            }
            if (!itemprop) {
                names.clear();
            }
        }
        return clean(names, exclude);
    }

    private static boolean inArticleArea(PageScan scan, Element e) {
        return e.normalName().equals("meta") || !scan.isInSideArea(e);
    }

    /** Splits "A, B and C" into names after removing "By" and similar prefixes. */
    static List<String> split(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        String s = stripPrefix(raw.strip().replace('\u00a0', ' '));
        int cut = indexOfAny(s, " | ", " - ", " – ", " — ", "\n", " on ", " updated", " published", " •", " ·");
        if (cut > 0) {
            s = s.substring(0, cut);
        }
        // "Name, City" is a dateline, not two authors: commas only separate names in a list
        // that also has a conjunction ("A, B and C")
        String l = s.toLowerCase(Locale.ROOT);
        boolean list = l.contains(" and ") || l.contains(" और ") || l.contains("&") || l.contains(";");
        if (!list && s.indexOf(',') > 0) {
            s = s.substring(0, s.indexOf(','));
        }
        for (String part : NAME_SEPARATORS.split(s)) {
            String p = stripPrefix(part.strip());
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String stripPrefix(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        for (String p : PREFIXES) {
            if (l.startsWith(p)) {
                return LEADING_PUNCTUATION.matcher(s.substring(p.length())).replaceFirst("").strip();
            }
        }
        return s;
    }

    private static int indexOfAny(String s, String... needles) {
        int best = -1;
        for (String n : needles) {
            int i = s.toLowerCase(Locale.ROOT).indexOf(n);
            if (i > 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static List<String> clean(List<String> names, Set<String> exclude) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            String name = TextRules.unescape(n).strip();
            String l = name.toLowerCase(Locale.ROOT);
            if (l.contains("admin")) {
                continue;
            }
            if (name.length() < 2 || name.length() > 60 || name.contains("://") || name.contains("@")
                    || name.startsWith("http") || NOT_NAMES.contains(l) || exclude.contains(l)
                    || WHITESPACE.split(name).length > 5 || containsDigit(name)) {
                continue;
            }
            out.add(name);
        }
        return new ArrayList<>(out);
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
