package dev.khabar.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.Evidence;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.KhabarSchemas;
import dev.khabar.schemas.StatsCount;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the dashboard's snapshot says, given the records it has read. */
class DashboardStateTest {

    static {
        KhabarSchemas.store();
    }

    private static final Instant NOW = Instant.parse("2024-06-20T10:30:20Z");
    private static final JsonNode HEALTH = JsonNodeFactory.instance.objectNode().put("ready", true);

    @Test
    void latestArticlesAreNewestFirstOneCardPerIdAndCapped() {
        DashboardState state = new DashboardState();
        for (int i = 0; i < DashboardState.ARTICLES + 5; i++) {
            state.onArticle(article("id" + i, 1, "Title " + i, NOW.minusSeconds(100 - i)));
        }
        state.onArticle(article("id34", 2, "Title 34, corrected", NOW.minusSeconds(100 - 34)));
        state.onArticle(article("late", 1, "Processed earlier, read last", NOW.minusSeconds(500)));

        JsonNode s = snapshot(state, Optional.empty());
        List<String> titles = new ArrayList<>();
        s.path("articles").forEach(a -> titles.add(a.path("title").asText()));
        assertThat(titles).hasSize(DashboardState.ARTICLES).startsWith("Title 34, corrected", "Title 33")
                .doesNotContain("Title 34", "Processed earlier, read last", "Title 0");
        assertThat(s.path("articles").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(s.path("counts").path("articles").asLong()).isEqualTo(DashboardState.ARTICLES + 7);
    }

    @Test
    void anArticleCardCarriesLabelsEvidenceMarksAndEntitiesButNotTheBody() {
        DashboardState state = new DashboardState();
        state.onArticle(article("a", 1, "रूस के साथ रक्षा संधि", NOW));
        JsonNode card = snapshot(state, Optional.empty()).path("articles").get(0);
        assertThat(card.path("language").asText()).isEqualTo("hi");
        assertThat(card.path("labels").get(0).asText()).isEqualTo("defence");
        assertThat(card.path("scores").path("defence").asDouble()).isEqualTo(12.35);
        JsonNode evidence = card.path("evidence").get(0);
        assertThat(evidence.path("field").asText()).isEqualTo("title");
        assertThat(evidence.path("parts").toString())
                .isEqualTo("[{\"text\":\"रूस के साथ \",\"match\":false},{\"text\":\"रक्षा संधि\",\"match\":true}]");
        assertThat(card.has("text")).isFalse();
    }

    @Test
    void sourcesCountOutcomesRobotsDenialsAndErrorsAndKeepTheLastPollAndError() {
        DashboardState state = new DashboardState();
        state.onFetchLog(log("blog", "published", 200, "", NOW.minusSeconds(60)));
        state.onFetchLog(log("blog", "robots-denied", 0, "Disallow: /private", NOW.minusSeconds(50)));
        state.onFetchLog(log("blog", "http-error", 404, "Not Found", NOW.minusSeconds(40)));
        state.onFetchLog(log("blog", "timeout", 0, "30 s", NOW.minusSeconds(45)));
        state.onFetchLog(log("blog", "retrying", 503, "Retry-After 5", NOW.minusSeconds(30)));
        state.onFetchLog(log("news", "published", 200, "", NOW.minusSeconds(10)));

        JsonNode sources = snapshot(state, Optional.empty()).path("sources");
        assertThat(sources).hasSize(2);
        JsonNode blog = sources.get(0);
        assertThat(blog.path("sourceId").asText()).isEqualTo("blog");
        assertThat(blog.path("total").asLong()).isEqualTo(5);
        assertThat(blog.path("published").asLong()).isEqualTo(1);
        assertThat(blog.path("robotsDenied").asLong()).isEqualTo(1);
        assertThat(blog.path("errors").asLong()).isEqualTo(2);
        assertThat(blog.path("retrying").asLong()).isEqualTo(1);
        assertThat(blog.path("lastPoll").asText()).isEqualTo(NOW.minusSeconds(30).toString());
        assertThat(blog.path("lastError").path("outcome").asText()).isEqualTo("http-error");
        assertThat(blog.path("lastError").path("httpStatus").asInt()).isEqualTo(404);
        assertThat(blog.path("outcomes").path("timeout").asLong()).isEqualTo(1);
    }

    @Test
    void statsFromTheTopicKeepTheLatestCountPerWindowInItsMinute() {
        DashboardState state = new DashboardState();
        Instant thisMinute = Instant.parse("2024-06-20T10:30:00Z");
        state.onStats(stats("label", "defence", thisMinute, 1), NOW);
        state.onStats(stats("label", "defence", thisMinute, 3), NOW); // a later update of the same window
        state.onStats(stats("label", "defence", thisMinute.minus(Duration.ofMinutes(2)), 2), NOW);
        state.onStats(stats("language", "hi", thisMinute, 4), NOW);
        state.onStats(stats("label", "diplomacy", thisMinute.minus(Duration.ofHours(2)), 9), NOW); // too old to chart

        JsonNode stats = snapshot(state, Optional.empty()).path("stats");
        assertThat(stats.path("origin").asText()).isEqualTo("topic");
        JsonNode windows = stats.path("windows");
        assertThat(windows).hasSize(DashboardState.CHART_MINUTES);
        assertThat(windows.get(DashboardState.CHART_MINUTES - 1).asLong()).isEqualTo(thisMinute.toEpochMilli());
        JsonNode defence = stats.path("dimensions").path("label").path("series").path("defence");
        assertThat(defence.get(DashboardState.CHART_MINUTES - 1).asLong()).isEqualTo(3);
        assertThat(defence.get(DashboardState.CHART_MINUTES - 3).asLong()).isEqualTo(2);
        assertThat(stats.path("dimensions").path("label").path("totals").path("defence").asLong()).isEqualTo(5);
        assertThat(stats.path("dimensions").path("label").path("series").has("diplomacy")).isFalse();
        assertThat(stats.path("dimensions").path("language").path("totals").path("hi").asLong()).isEqualTo(4);
    }

    @Test
    void statsFromTheProcessorsStoreWinOverTheTopicWhenThereIsOne() {
        DashboardState state = new DashboardState();
        state.onStats(stats("label", "defence", Instant.parse("2024-06-20T10:30:00Z"), 1), NOW);
        JsonNode stats = snapshot(state, Optional.of(List.of(new StatsSeries.Point("label", "diplomacy",
                Instant.parse("2024-06-20T10:29:00Z").toEpochMilli(), 7)))).path("stats");
        assertThat(stats.path("origin").asText()).isEqualTo("store");
        assertThat(stats.path("dimensions").path("label").path("totals").toString()).isEqualTo("{\"diplomacy\":7}");
    }

    @Test
    void deadLettersShowStageReasonAndPositionsNewestFirst() {
        DashboardState state = new DashboardState();
        state.onDeadLetter(letter("deserialize", NOW.minusSeconds(20)), 1, 4);
        state.onDeadLetter(letter("enrich", NOW.minusSeconds(5)), 0, 9);
        long before = state.version();
        JsonNode letters = snapshot(state, Optional.empty()).path("deadLetters");
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).path("stage").asText()).isEqualTo("enrich");
        assertThat(letters.get(0).path("position").asText()).isEqualTo("0:9");
        assertThat(letters.get(1).path("inputTopic").asText()).isEqualTo("news.raw");
        assertThat(letters.get(1).path("inputOffset").asLong()).isEqualTo(12);
        assertThat(letters.get(1).path("key").asText()).isEqualTo("k");
        assertThat(state.version()).as("a snapshot changes nothing").isEqualTo(before);
    }

    private static JsonNode snapshot(DashboardState state, Optional<List<StatsSeries.Point>> store) {
        return state.snapshot(store, HEALTH, NOW);
    }

    private static EnrichedArticle article(String id, int version, String title, Instant processedAt) {
        String match = "रक्षा संधि";
        List<Evidence> evidence = title.contains(match)
                ? List.of(new Evidence("defence", "title", match, title.indexOf(match), title.indexOf(match) + match.length(), 1.0))
                : List.of();
        return EnrichedArticle.newBuilder().setId(id).setVersion(version).setUrl("https://example.org/" + id)
                .setCanonicalUrl("https://example.org/" + id).setSourceId("blog").setTitle(title).setText("बहुत लंबा पाठ।")
                .setLanguage("hi").setScript("Devanagari").setFetchedAt(processedAt).setProcessedAt(processedAt)
                .setLabels(List.of("defence")).setScores(java.util.Map.of("defence", 12.3456)).setEvidence(evidence)
                .setWordCount(3).setReadingTimeSeconds(1).build();
    }

    private static FetchLogEntry log(String source, String outcome, int status, String detail, Instant at) {
        return FetchLogEntry.newBuilder().setUrl("https://example.org/" + outcome).setSourceId(source).setOutcome(outcome)
                .setHttpStatus(status).setDetail(detail).setAt(at).build();
    }

    private static StatsCount stats(String dimension, String value, Instant start, long count) {
        return new StatsCount(dimension, value, start, start.plus(Duration.ofMinutes(1)), count);
    }

    private static DeadLetter letter(String stage, Instant at) {
        return DeadLetter.newBuilder().setStage(stage).setErrorClass("java.lang.IllegalStateException").setMessage("boom")
                .setInputTopic("news.raw").setInputPartition(0).setInputOffset(12L)
                .setKey(ByteBuffer.wrap("k".getBytes(StandardCharsets.UTF_8))).setFailedAt(at).build();
    }
}
