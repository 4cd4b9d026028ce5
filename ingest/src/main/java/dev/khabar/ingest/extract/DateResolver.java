package dev.khabar.ingest.extract;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Finds the published and modified dates of a page, most reliable source first: JSON-LD, meta
 * tags, microdata, {@code <time>} and Blogger's {@code abbr.published}, dated elements' visible
 * text, then the URL. Date-only values get the offset of the page's other dates, else UTC.
 */
final class DateResolver {
    private static final String[] PUBLISHED_METAS = {
        "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
        "published_time", "publishdate", "publish-date", "publish_date", "pubdate", "dc.date.issued",
        "dcterms.issued", "dcterms.created", "dc.date", "dc.date.created", "sailthru.date", "parsely-pub-date",
        "article.published", "article_date_original", "original-publish-date", "citation_publication_date",
        "cxenseparse:recs:publishtime", "date", "displaydate", "datecreated", "release_date"
    };
    private static final String[] MODIFIED_METAS = {
        "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
        "modified_time", "last-modified", "dc.date.modified", "dcterms.modified", "article.updated",
        "lastmod", "revised"
    };
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-]?(\\d{2})[/-]?(\\d{2})(?:[/_.-]|$)");

    private ParsedDate published;
    private ParsedDate modified;
    private ZoneOffset pageOffset;

    private DateResolver() {
    }

    static DateResolver resolve(PageScan scan, JsonLdArticle ld, String url, Map<String, String> sources) {
        DateResolver r = new DateResolver();
        r.run(scan, ld, url, sources);
        return r;
    }

    OffsetDateTime published() {
        return published == null ? null : published.withFallback(pageOffset);
    }

    OffsetDateTime modified() {
        return modified == null ? null : modified.withFallback(pageOffset);
    }

    private void run(PageScan scan, JsonLdArticle ld, String url, Map<String, String> sources) {
        PageIndex idx = scan.index;
        published = take(ld.datePublished(), "json-ld", "published", sources);
        modified = take(ld.dateModified(), "json-ld", "modified", sources);
        if (published == null) {
            String key = idx.metaKey(PUBLISHED_METAS);
            published = key == null ? null : take(idx.meta(key), "meta:" + key, "published", sources);
        }
        if (modified == null) {
            String key = idx.metaKey(MODIFIED_METAS);
            modified = key == null ? null : take(idx.meta(key), "meta:" + key, "modified", sources);
        }
        for (Element e : idx.itemprops) {
            String prop = e.attr("itemprop");
            if (published == null && prop.equalsIgnoreCase("datePublished")) {
                published = take(valueOf(e), "itemprop", "published", sources);
            } else if (modified == null && prop.equalsIgnoreCase("dateModified")) {
                modified = take(valueOf(e), "itemprop", "modified", sources);
            }
        }
        for (Element e : idx.times) {
            if (!visible(scan, e)) {
                continue;
            }
            boolean updated = names(e).contains("updated") || names(e).contains("modified");
            if (updated && modified == null) {
                modified = take(valueOf(e), "time", "modified", sources);
            } else if (!updated && published == null) {
                published = take(valueOf(e), "time", "published", sources);
            }
        }
        for (Element e : idx.dates) {
            NodeStats st = scan.of(e);
            if (st == null || st.chars > 200 || e.normalName().equals("time") || !visible(scan, e)) {
                continue;
            }
            String n = names(e);
            boolean updated = n.contains("updated") || n.contains("modified");
            String source = e.normalName() + "." + (n.contains("publish") ? "published" : updated ? "updated" : "date");
            if (updated && modified == null) {
                modified = take(valueOf(e), source, "modified", sources);
            } else if (!updated && published == null) {
                published = take(valueOf(e), source, "published", sources);
            }
        }
        if (published == null && url != null) {
            Matcher m = URL_DATE.matcher(url);
            if (m.find()) {
                published = take(m.group(1) + "-" + m.group(2) + "-" + m.group(3), "url", "published", sources);
            }
        }
        pageOffset = published != null && published.offset() != null ? published.offset()
                : modified != null && modified.offset() != null ? modified.offset() : offsetOfAnyTime(idx);
    }

    private ZoneOffset offsetOfAnyTime(PageIndex idx) {
        for (Element e : idx.times) {
            ParsedDate d = DateParser.parse(e.attr("datetime"));
            if (d != null && d.offset() != null) {
                return d.offset();
            }
        }
        return null;
    }

    private static ParsedDate take(String raw, String source, String field, Map<String, String> sources) {
        ParsedDate d = DateParser.parse(raw);
        if (d != null) {
            sources.put(field, source);
        }
        return d;
    }

    private static boolean visible(PageScan scan, Element e) {
        return !scan.isInSideArea(e);
    }

    private static String names(Element e) {
        return (e.className() + ' ' + e.id()).toLowerCase(Locale.ROOT);
    }

    /** The machine-readable value of a dated element if it has one, else its text. */
    static String valueOf(Element e) {
        for (String a : new String[] {"datetime", "content", "title", "data-timestamp", "data-time", "data-date"}) {
            String v = e.attr(a);
            if (!v.isBlank() && DateParser.parse(v) != null) {
                return v;
            }
        }
        String text = e.text();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
