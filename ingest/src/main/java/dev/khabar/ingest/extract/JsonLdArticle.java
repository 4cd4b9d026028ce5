package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The schema.org article described by a page's JSON-LD blocks (Article, NewsArticle,
 * BlogPosting, …), with {@code @graph} and {@code @id} references followed. Broken JSON is
 * skipped, never thrown.
 */
record JsonLdArticle(
        String headline,
        List<String> authors,
        String datePublished,
        String dateModified,
        String articleBody,
        List<String> keywords,
        List<String> images,
        String publisher,
        String siteName,
        String language,
        String url) {

    static final JsonLdArticle EMPTY =
            new JsonLdArticle(null, List.of(), null, null, null, List.of(), List.of(), null, null, null, null);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
            "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting",
            "techarticle", "scholarlyarticle", "report", "socialmediaposting", "posting",
            "advertisercontentarticle", "satiricalarticle", "medicalscholarlyarticle", "review");

    /** Reads all JSON-LD blocks of a page. */
    static JsonLdArticle from(List<String> scripts) {
        if (scripts.isEmpty()) {
            return EMPTY;
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (String s : scripts) {
            JsonNode root = parse(s);
            if (root != null) {
                flatten(root, nodes, 0);
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        JsonNode article = null;
        JsonNode webPage = null;
        String siteName = null;
        for (JsonNode n : nodes) {
            String id = n.path("@id").asText("");
            if (!id.isEmpty()) {
                byId.putIfAbsent(id, n);
            }
            if (hasType(n, ARTICLE_TYPES) && (article == null || score(n) > score(article))) {
                article = n;
            } else if (hasType(n, Set.of("webpage", "itempage")) && webPage == null) {
                webPage = n;
            } else if (hasType(n, Set.of("website")) && siteName == null) {
                siteName = blankToNull(n.path("name").asText(null));
            }
        }
        if (article == null) {
            article = webPage;
        }
        if (article == null) {
            return new JsonLdArticle(null, List.of(), null, null, null, List.of(), List.of(), null, siteName, null, null);
        }
        JsonNode publisher = deref(article.path("publisher"), byId);
        return new JsonLdArticle(
                blankToNull(first(article, "headline", "name")),
                JsonLdValues.names(article.path("author"), byId),
                blankToNull(first(article, "datePublished", "dateCreated", "uploadDate")),
                blankToNull(first(article, "dateModified")),
                blankToNull(article.path("articleBody").asText(null)),
                JsonLdValues.keywords(article),
                JsonLdValues.images(article.path("image"), byId),
                publisher.isObject() ? blankToNull(publisher.path("name").asText(null)) : null,
                siteName,
                blankToNull(JsonLdValues.language(article.path("inLanguage"))),
                blankToNull(first(article, "url")));
    }

    private static JsonNode parse(String script) {
        String s = script.strip();
        if (s.startsWith("<!--")) {
            s = s.substring(4);
        }
        if (s.endsWith("-->")) {
            s = s.substring(0, s.length() - 3);
        }
        s = s.replace("<![CDATA[", "").replace("]]>", "").strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            return null;
        }
    }

    private static void flatten(JsonNode n, List<JsonNode> out, int depth) {
        if (depth > 4 || out.size() > 200) {
            return;
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                flatten(c, out, depth + 1);
            }
        } else if (n.isObject()) {
            out.add(n);
            if (n.has("@graph")) {
                flatten(n.get("@graph"), out, depth + 1);
            }
            JsonNode main = n.path("mainEntity");
            if (main.isObject() || main.isArray()) {
                flatten(main, out, depth + 1);
            }
        }
    }

    private static int score(JsonNode n) {
        return (n.has("articleBody") ? 4 : 0) + (n.has("headline") ? 2 : 0) + (n.has("datePublished") ? 1 : 0);
    }

    static boolean hasType(JsonNode n, Set<String> types) {
        JsonNode t = n.path("@type");
        if (t.isTextual()) {
            return types.contains(t.asText().toLowerCase(java.util.Locale.ROOT).replace("schema:", ""));
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (x.isTextual() && types.contains(x.asText().toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    static JsonNode deref(JsonNode n, Map<String, JsonNode> byId) {
        if (n.isArray() && n.size() > 0) {
            n = n.get(0);
        }
        if (n.isObject() && n.size() == 1 && n.has("@id")) {
            JsonNode target = byId.get(n.get("@id").asText());
            return target == null ? n : target;
        }
        return n;
    }

    private static String first(JsonNode n, String... keys) {
        for (String k : keys) {
            JsonNode v = n.path(k);
            if (v.isArray() && v.size() > 0) {
                v = v.get(0);
            }
            if (v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> distinct(List<String> in) {
        return new ArrayList<>(new LinkedHashSet<>(in));
    }
}
