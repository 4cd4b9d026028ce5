package dev.khabar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messy input never throws; the simplest article comes out whole. */
class ArticleExtractorSmokeTest {
    private static final URI URL = URI.create("https://example.org/2024/06/20/a-post/");
    private final ArticleExtractor extractor = new ArticleExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "<", "<html>", "<p>just a line", "<script>var x = '<p>';</script>",
        "<html><body><div><div><div>", "\u0000\u0001<<>>&&&;", "<script type=application/ld+json>{broken</script>"})
    void neverThrowsOnMessyPages(String html) {
        ExtractedArticle a = extractor.extract(html, URL);
        assertThat(a.url()).isEqualTo(URL.toString());
        assertThat(a.text()).isNotNull();
        assertThat(a.authors()).isNotNull();
    }

    @Test
    void neverThrowsWithoutUrl() {
        assertThat(extractor.extract("<p>Hello</p>", null).url()).isEmpty();
        assertThat(extractor.extract((org.jsoup.nodes.Document) null, null).hasBody()).isFalse();
    }

    @Test
    void survivesDeepNesting() {
        String html = "<div>".repeat(5000) + "<p>" + "Deep text sits here. ".repeat(20) + "</p>";
        assertThat(extractor.extract(Jsoup.parse(html), URL).text()).contains("Deep text sits here.");
    }

    @Test
    void extractsASimpleArticle() {
        String html = """
                <html lang="en-GB"><head><title>A quiet harbour – Example Times</title>
                <meta property="og:site_name" content="Example Times"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>A quiet harbour</h1>
                <p>The harbour was quiet on Tuesday morning, with only a few fishing boats heading out.</p>
                <p>Local officials said the new breakwater had reduced damage from winter storms.</p>
                </article><footer>© Example Times</footer></body></html>""";
        ExtractedArticle a = extractor.extract(html, URL);
        assertThat(a.title()).isEqualTo("A quiet harbour");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.siteName()).isEqualTo("Example Times");
        assertThat(a.text()).isEqualTo("""
                The harbour was quiet on Tuesday morning, with only a few fishing boats heading out.
                Local officials said the new breakwater had reduced damage from winter storms.""");
        assertThat(a.published()).hasToString("2024-06-20T00:00Z");
    }

    @Test
    void hindiTextBeatsWordPressDefaultLanguage() {
        String html = "<html lang=\"en-US\"><body><article><p>"
                + "यह लेख हिंदी में लिखा गया है और इसमें गाँव के मेले के बारे में जानकारी दी गई है। ".repeat(3)
                + "</p></article></body></html>";
        ExtractedArticle a = extractor.extract(html, URL);
        assertThat(a.language()).isEqualTo("hi");
        assertThat(a.sources()).containsEntry("language", "text (declared en)");
    }
}
