package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Element;

/** Site name, canonical URL, tags and declared language of a page. */
final class MetadataFinder {
    private MetadataFinder() {
    }

    static String siteName(PageIndex idx, JsonLdArticle ld, Map<String, String> sources) {
        String[][] candidates = {
            {"og:site_name", idx.meta("og:site_name")},
            {"json-ld", ld.siteName()},
            {"json-ld:publisher", ld.publisher()},
            {"application-name", idx.meta("application-name", "apple-mobile-web-app-title")},
        };
        for (String[] c : candidates) {
            if (c[1] != null && !c[1].isBlank() && c[1].length() < 100) {
                sources.put("siteName", c[0]);
                return TextRules.unescape(c[1]).strip();
            }
        }
        return null;
    }

    static String canonical(PageIndex idx, JsonLdArticle ld, UrlResolver urls, String url, Map<String, String> sources) {
        String[][] candidates = {
            {"link:canonical", idx.canonicalHref},
            {"og:url", idx.meta("og:url")},
            {"json-ld", ld.url()},
        };
        for (String[] c : candidates) {
            String abs = c[1] == null ? null : urls.resolve(c[1]);
            if (abs != null) {
                sources.put("canonicalUrl", c[0]);
                return abs;
            }
        }
        return url;
    }

    static List<String> tags(PageScan scan, JsonLdArticle ld, Map<String, String> sources) {
        PageIndex idx = scan.index;
        Map<String, String> tags = new LinkedHashMap<>();
        String source = null;
        for (String s : idx.metaAll("article:section")) {
            source = put(tags, s, source, "meta:article:section");
        }
        for (String s : idx.metaAll("article:tag")) {
            source = put(tags, s, source, "meta:article:tag");
        }
        if (tags.isEmpty()) {
            for (String s : ld.keywords()) {
                source = put(tags, s, source, "json-ld");
            }
        }
        if (tags.isEmpty()) {
            for (Element a : idx.tagLinks) {
                if (!scan.isInSideArea(a)) {
                    source = put(tags, a.text(), source, "rel-tag");
                }
            }
        }
        if (tags.isEmpty()) {
            String kw = idx.meta("news_keywords", "keywords");
            if (kw != null) {
                for (String s : kw.split("[,;]")) {
                    source = put(tags, s, source, "meta:keywords");
                }
            }
        }
        if (source != null) {
            sources.put("tags", source);
        }
        return new ArrayList<>(tags.values());
    }

    private static String put(Map<String, String> tags, String raw, String source, String here) {
        String t = raw == null ? "" : TextRules.unescape(raw).strip();
        if (t.isEmpty() || t.length() > 80 || tags.size() >= 50) {
            return source;
        }
        tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
        return source == null ? here : source;
    }


    /** The declared language, or {@code null}; records which declaration was used. */
    static String declaredLanguage(PageIndex idx, JsonLdArticle ld, Map<String, String> sources) {
        String[][] candidates = {
            {"html-lang", idx.htmlLang},
            {"meta:content-language", idx.meta("content-language")},
            {"meta:language", idx.meta("language", "dc.language", "dcterms.language")},
            {"og:locale", idx.meta("og:locale")},
            {"json-ld", ld.language()},
        };
        for (String[] c : candidates) {
            String lang = LanguageGuesser.normalise(c[1]);
            if (lang != null) {
                sources.put("language", c[0]);
                return lang;
            }
        }
        return null;
    }
}
