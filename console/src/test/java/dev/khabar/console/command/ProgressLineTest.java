package dev.khabar.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.view.ProgressLine;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.KhabarSchemas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live status line of {@code demo} and {@code run}. */
class ProgressLineTest {

    static {
        KhabarSchemas.store();
    }

    private static final Source SOURCE = Source.of("blog", SourceType.RSS, URI.create("https://example.org/feed"),
            Duration.ofMinutes(1), false);

    @Test
    void countsFetchesAndArticlesPerLabelAndRedrawsBelowPrintedLines() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream articles = new PrintStream(out, true, StandardCharsets.UTF_8);
        ProgressLine line = new ProgressLine(new PrintStream(err, true, StandardCharsets.UTF_8), true);
        URI url = URI.create("https://example.org/a");
        line.onOutcome(SOURCE, url, FetchOutcome.PUBLISHED, "id");
        line.onOutcome(SOURCE, url, FetchOutcome.PUBLISHED, "id");
        line.onOutcome(SOURCE, url, FetchOutcome.HTTP_ERROR, "404");
        line.onOutcome(SOURCE, url, FetchOutcome.ROBOTS_DENIED, "robots");
        line.article(article(List.of("defence", "diplomacy")), () -> articles.println("first"));
        line.article(article(List.of()), () -> articles.println("second"));

        assertThat(line.status()).isEqualTo("fetched 4  published 2  failed 1  processed 2  | defence 1 diplomacy 1 none 1");
        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("\r\u001b[K  fetched 1  published 1  failed 0  processed 0")
                .endsWith("\r\u001b[K  " + line.status());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first\nsecond\n");
        line.finish();
        assertThat(err.toString(StandardCharsets.UTF_8)).endsWith(line.status() + System.lineSeparator());
    }

    @Test
    void drawsNothingWhenNotLive() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(err, true, StandardCharsets.UTF_8), false);
        line.onOutcome(SOURCE, URI.create("https://example.org/a"), FetchOutcome.PUBLISHED, "id");
        boolean[] printed = {false};
        line.article(article(List.of("defence")), () -> printed[0] = true);
        line.finish();
        assertThat(printed[0]).isTrue();
        assertThat(err.size()).isZero();
        assertThat(line.status()).contains("processed 1", "defence 1");
    }

    private static EnrichedArticle article(List<String> labels) {
        return EnrichedArticle.newBuilder().setId("x").setUrl("u").setCanonicalUrl("u").setSourceId("blog").setTitle("t")
                .setText("t").setLanguage("en").setScript("Latin").setFetchedAt(Instant.EPOCH).setProcessedAt(Instant.EPOCH)
                .setLabels(labels).setWordCount(1).setReadingTimeSeconds(1).build();
    }
}
