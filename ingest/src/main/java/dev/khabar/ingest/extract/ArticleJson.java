package dev.khabar.ingest.extract;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an {@link ExtractedArticle} printed by {@code khabar extract}:
 * {@code {"url","canonicalUrl","title","authors","published","modified","language","text","tags",
 * "images","links"}} followed by {@code "readMoreLinks","siteName","sources"}. Dates are ISO-8601
 * with offset, or {@code null}.
 */
public final class ArticleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArticleJson() {
    }

    /** One JSON object, on one line. */
    public static String toJson(ExtractedArticle a) {
        try {
            return MAPPER.writeValueAsString(toNode(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise article " + a.url(), e);
        }
    }

    static ObjectNode toNode(ExtractedArticle a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("url", a.url());
        n.put("canonicalUrl", a.canonicalUrl());
        n.put("title", a.title());
        strings(n.putArray("authors"), a.authors());
        n.put("published", iso(a.published()));
        n.put("modified", iso(a.modified()));
        n.put("language", a.language());
        n.put("text", a.text());
        strings(n.putArray("tags"), a.tags());
        ArrayNode images = n.putArray("images");
        for (ExtractedImage i : a.images()) {
            ObjectNode img = images.addObject();
            img.put("url", i.url());
            img.put("caption", i.caption());
        }
        strings(n.putArray("links"), a.links());
        strings(n.putArray("readMoreLinks"), a.readMoreLinks());
        n.put("siteName", a.siteName());
        ObjectNode sources = n.putObject("sources");
        for (Map.Entry<String, String> e : a.sources().entrySet()) {
            sources.put(e.getKey(), e.getValue());
        }
        return n;
    }

    static String iso(OffsetDateTime t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    private static void strings(ArrayNode array, List<String> values) {
        for (String v : values) {
            array.add(v);
        }
    }
}
