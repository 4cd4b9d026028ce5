package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * The elements metadata extraction looks at, gathered during the single {@link PageScan} pass so
 * that no further full-document selects are needed.
 */
final class PageIndex {
    private static final int MAX_CANDIDATES = 60;

    /** meta name/property/itemprop (lower-cased) to contents, in document order. */
    final Map<String, List<String>> metas = new LinkedHashMap<>();
    final List<String> jsonLd = new ArrayList<>();
    final List<Element> h1s = new ArrayList<>();
    final List<Element> times = new ArrayList<>();
    final List<Element> itemprops = new ArrayList<>();
    final List<Element> authorLinks = new ArrayList<>();
    final List<Element> tagLinks = new ArrayList<>();
    final List<Element> bylines = new ArrayList<>();
    final List<Element> dates = new ArrayList<>();
    String titleText;
    String htmlLang;
    String canonicalHref;

    void visit(Element e) {
        visit(e, NameTraits.of(BoilerplateRules.names(e)));
    }

    /** Indexes {@code e}; {@code traits} come from its class and id. */
    void visit(Element e, NameTraits traits) {
        switch (e.normalName()) {
            case "meta" -> visitMeta(e);
            case "link" -> {
                String rel = e.attr("rel").toLowerCase(Locale.ROOT);
                if (rel.equals("canonical") && canonicalHref == null && !e.attr("href").isBlank()) {
                    canonicalHref = e.attr("href").trim();
                }
            }
            case "script" -> {
                if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    jsonLd.add(e.data());
                }
            }
            case "title" -> {
                if (titleText == null) {
                    titleText = e.text();
                }
            }
            case "html" -> {
                if (htmlLang == null && !e.attr("lang").isBlank()) {
                    htmlLang = e.attr("lang");
                } else if (htmlLang == null && !e.attr("xml:lang").isBlank()) {
                    htmlLang = e.attr("xml:lang");
                }
            }
            case "h1" -> h1s.add(e);
            case "time" -> add(times, e);
            case "a" -> {
                String rel = BoilerplateRules.attr(e, "rel");
                if (!rel.isEmpty()) {
                    String r = rel.toLowerCase(Locale.ROOT);
                    if (r.contains("author")) {
                        add(authorLinks, e);
                    }
                    if (r.contains("tag") || r.contains("category")) {
                        add(tagLinks, e);
                    }
                }
            }
            default -> { }
        }
        if (!BoilerplateRules.attr(e, "itemprop").isEmpty()) {
            add(itemprops, e);
        }
        if (traits != NameTraits.NONE) {
            if (traits.byline()) {
                add(bylines, e);
            }
            if (traits.date()) {
                add(dates, e);
            }
        }
    }

    private void visitMeta(Element e) {
        String key = e.attr("property");
        if (key.isEmpty()) {
            key = e.attr("name");
        }
        if (key.isEmpty()) {
            key = e.attr("itemprop");
        }
        if (key.isEmpty()) {
            key = e.attr("http-equiv");
        }
        String content = e.attr("content");
        if (key.isEmpty() || content.isBlank()) {
            return;
        }
        metas.computeIfAbsent(key.toLowerCase(Locale.ROOT).trim(), k -> new ArrayList<>(2)).add(content.trim());
    }

    private static void add(List<Element> list, Element e) {
        if (list.size() < MAX_CANDIDATES) {
            list.add(e);
        }
    }

    /** The first non-blank content of the first of these meta keys present. */
    String meta(String... keys) {
        for (String k : keys) {
            List<String> v = metas.get(k);
            if (v != null && !v.isEmpty()) {
                return v.get(0);
            }
        }
        return null;
    }

    /** The first of these meta keys present, or null. */
    String metaKey(String... keys) {
        for (String k : keys) {
            List<String> v = metas.get(k);
            if (v != null && !v.isEmpty()) {
                return k;
            }
        }
        return null;
    }

    List<String> metaAll(String key) {
        return metas.getOrDefault(key, List.of());
    }
}
