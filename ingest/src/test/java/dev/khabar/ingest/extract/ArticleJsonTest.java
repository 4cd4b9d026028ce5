package dev.khabar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The {@code khabar extract} JSON contract of DESIGN.md. */
class ArticleJsonTest {

    @Test
    void writesTheContractFieldsInOrder() throws Exception {
        ExtractedArticle a = new ExtractedArticle("https://x.example/a", "https://x.example/a", "शीर्षक", List.of("मीरा"),
                OffsetDateTime.parse("2024-06-20T09:00:00+05:30"), null, "hi", "पहली पंक्ति\nदूसरी", "<p></p>",
                List.of("मेला"), List.of(new ExtractedImage("https://x.example/i.jpg", null)), List.of("https://o.example/"),
                List.of("https://x.example/b"), "साइट", Map.of("title", "og:title"));

        String json = ArticleJson.toJson(a);

        assertThat(json).doesNotContain("\n").contains("\\n");
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(n.fieldNames()).toIterable().containsExactly("url", "canonicalUrl", "title", "authors", "published",
                "modified", "language", "text", "tags", "images", "links", "readMoreLinks", "siteName", "sources");
        assertThat(n.get("published").asText()).isEqualTo("2024-06-20T09:00:00+05:30");
        assertThat(n.get("modified").isNull()).isTrue();
        assertThat(n.get("text").asText()).isEqualTo("पहली पंक्ति\nदूसरी");
        assertThat(n.get("images").get(0).get("url").asText()).isEqualTo("https://x.example/i.jpg");
        assertThat(n.get("images").get(0).get("caption").isNull()).isTrue();
        assertThat(n.get("sources").get("title").asText()).isEqualTo("og:title");
    }

    @Test
    void emptyArticleHasEmptyArraysNotNulls() throws Exception {
        ExtractedArticle a = new ArticleExtractor().extract("", null);
        JsonNode n = new ObjectMapper().readTree(ArticleJson.toJson(a));
        assertThat(n.get("authors").isArray()).isTrue();
        assertThat(n.get("text").asText()).isEmpty();
        assertThat(n.get("published").isNull()).isTrue();
    }
}
