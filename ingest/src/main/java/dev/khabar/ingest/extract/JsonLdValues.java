package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the loosely typed JSON-LD values (string, object, array of either) that articles use. */
final class JsonLdValues {
    private JsonLdValues() {
    }

    static List<String> names(JsonNode author, Map<String, JsonNode> byId) {
        List<String> out = new ArrayList<>();
        if (author.isArray()) {
            for (JsonNode a : author) {
                addName(a, byId, out);
            }
        } else {
            addName(author, byId, out);
        }
        return JsonLdArticle.distinct(out);
    }

    private static void addName(JsonNode a, Map<String, JsonNode> byId, List<String> out) {
        JsonNode n = JsonLdArticle.deref(a, byId);
        String name = null;
        if (n.isTextual()) {
            name = n.asText();
        } else if (n.isObject()) {
            JsonNode v = n.path("name");
            if (v.isArray() && v.size() > 0) {
                v = v.get(0);
            }
            name = v.isTextual() ? v.asText() : null;
        }
        if (name != null && !name.isBlank() && !name.contains("://") && name.length() < 100) {
            out.add(name.strip());
        }
    }

    static List<String> keywords(JsonNode article) {
        List<String> out = new ArrayList<>();
        addSplit(article.path("keywords"), out);
        addSplit(article.path("articleSection"), out);
        return JsonLdArticle.distinct(out);
    }

    private static void addSplit(JsonNode v, List<String> out) {
        if (v.isTextual()) {
            for (String k : v.asText().split(",")) {
                if (!k.isBlank() && k.length() < 80) {
                    out.add(k.strip());
                }
            }
        } else if (v.isArray()) {
            for (JsonNode x : v) {
                if (x.isTextual() && !x.asText().isBlank() && x.asText().length() < 80) {
                    out.add(x.asText().strip());
                }
            }
        }
    }

    static List<String> images(JsonNode image, Map<String, JsonNode> byId) {
        List<String> out = new ArrayList<>();
        if (image.isArray()) {
            for (JsonNode i : image) {
                addImage(i, byId, out);
            }
        } else {
            addImage(image, byId, out);
        }
        return out;
    }

    private static void addImage(JsonNode i, Map<String, JsonNode> byId, List<String> out) {
        JsonNode n = JsonLdArticle.deref(i, byId);
        String url = n.isTextual() ? n.asText() : n.path("url").asText(n.path("contentUrl").asText(null));
        if (url != null && !url.isBlank()) {
            out.add(url.strip());
        }
    }

    static String language(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isObject()) {
            return v.path("alternateName").asText(v.path("name").asText(null));
        }
        return null;
    }
}
