package dev.khabar.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.khabar.ingest.extract.ArticleExtractor;
import dev.khabar.ingest.extract.ExtractedArticle;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/** Builds an article from a WordPress REST API post: the API's fields first, the extractor for the body. */
public final class WordPressPosts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WordPressPosts() {
    }

    public static ExtractedArticle toArticle(String postJson, ArticleExtractor extractor) throws IOException {
        JsonNode post = JSON.readTree(postJson);
        URI link = URI.create(post.path("link").asText());
        String title = Jsoup.parse(post.path("title").path("rendered").asText("")).text();
        String content = post.path("content").path("rendered").asText("");
        // the rendered content is the article region already: the extractor only turns it into text, links, images
        ExtractedArticle body = extractor.extract("<html><head><title>" + escape(title) + "</title></head><body><article>"
                + content + "</article></body></html>", link);
        List<String> authors = new ArrayList<>();
        for (JsonNode a : post.path("_embedded").path("author")) {
            if (a.hasNonNull("name")) {
                authors.add(a.get("name").asText());
            }
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode taxonomy : post.path("_embedded").path("wp:term")) {
            for (JsonNode term : taxonomy) {
                if (term.hasNonNull("name")) {
                    tags.add(Jsoup.parse(term.get("name").asText()).text());
                }
            }
        }
        Map<String, String> sources = new LinkedHashMap<>(body.sources());
        sources.put("title", "wordpress-api");
        sources.put("published", "wordpress-api");
        sources.put("body", "wordpress-api");
        return new ExtractedArticle(link.toString(), link.toString(), title,
                authors.isEmpty() ? body.authors() : authors,
                utc(post.path("date_gmt").asText(null)), utc(post.path("modified_gmt").asText(null)),
                body.language(), body.text(), content, tags.isEmpty() ? body.tags() : tags, body.images(), body.links(),
                body.readMoreLinks(), body.siteName(), sources);
    }

    /** WordPress's {@code *_gmt} fields are UTC without an offset. */
    private static OffsetDateTime utc(String gmt) {
        if (gmt == null || gmt.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(gmt).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
