package dev.khabar.console.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.StatsCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the dashboard shows, kept in memory and fed from the topics: the latest articles,
 * dead letters, per-source ingest status, the windowed counts from the stats topic, and the
 * throughput and lag samples. Thread-safe; {@link #version()} changes whenever anything does, so
 * the event stream only pushes real changes.
 */
final class DashboardState {

    static final int ARTICLES = 30;
    static final int DEAD_LETTERS = 50;
    static final int CHART_MINUTES = 30;
    private static final String EPOCH = Instant.EPOCH.toString();
    private static final Duration STATS_KEPT = Duration.ofMinutes(CHART_MINUTES + 5);

    private final Deque<ObjectNode> articles = new ArrayDeque<>();
    private final Deque<ObjectNode> deadLetters = new ArrayDeque<>();
    private final Map<String, SourceStatus> sources = new TreeMap<>();
    private final Map<String, StatsSeries.Point> statsFromTopic = new HashMap<>();
    private final ThroughputHistory throughput = new ThroughputHistory();
    private JsonNode lag = JsonNodeFactory.instance.arrayNode();
    private long articlesSeen;
    private long deadLettersSeen;
    private long version;

    synchronized long version() {
        return version;
    }

    synchronized void onArticle(EnrichedArticle a) {
        articles.removeIf(o -> o.path("id").asText().equals(a.getId()));
        articles.addFirst(ArticleCard.of(a));
        newestFirst(articles, "processedAt");
        while (articles.size() > ARTICLES) {
            articles.removeLast();
        }
        articlesSeen++;
        version++;
    }

    synchronized void onDeadLetter(DeadLetter d, int partition, long offset) {
        deadLetters.addFirst(DeadLetterView.summary(d, partition, offset));
        newestFirst(deadLetters, "failedAt");
        while (deadLetters.size() > DEAD_LETTERS) {
            deadLetters.removeLast();
        }
        deadLettersSeen++;
        version++;
    }

    synchronized void onFetchLog(FetchLogEntry e) {
        sources.computeIfAbsent(e.getSourceId(), SourceStatus::new).add(e);
        version++;
    }

    /** Records come from several partitions, so arrival order is not time order: sort by the ISO timestamp. */
    private static void newestFirst(Deque<ObjectNode> items, String field) {
        List<ObjectNode> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((ObjectNode o) -> Instant.parse(o.path(field).asText(EPOCH))).reversed());
        items.clear();
        items.addAll(sorted);
    }

    /** The latest count of a window wins, as on the compacted view of the stats topic. */
    synchronized void onStats(StatsCount s, Instant now) {
        long start = s.getWindowStart().toEpochMilli();
        statsFromTopic.put(s.getDimension() + ":" + s.getValue() + "@" + start,
                new StatsSeries.Point(s.getDimension(), s.getValue(), start, s.getCount()));
        long oldest = now.minus(STATS_KEPT).toEpochMilli();
        statsFromTopic.values().removeIf(p -> p.windowStart() < oldest);
        version++;
    }

    synchronized void onSample(KafkaOverview.Sample sample) {
        throughput.add(sample);
        version++;
    }

    synchronized void onLag(List<KafkaOverview.GroupLag> groups) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (KafkaOverview.GroupLag g : groups) {
            a.addObject().put("group", g.group()).put("type", g.type()).put("topic", g.topic()).put("lag", g.lag());
        }
        if (!a.equals(lag)) {
            lag = a;
            version++;
        }
    }

    /**
     * @param fromStore the counts from the processor's store when one runs here and answers;
     *                  otherwise the stats topic's
     */
    synchronized ObjectNode snapshot(Optional<List<StatsSeries.Point>> fromStore, JsonNode health, Instant now) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("generatedAt", now.toString());
        o.put("version", version);
        o.set("health", health);
        o.set("topics", throughput.toJson());
        o.set("lag", lag);
        o.set("stats", fromStore.isPresent()
                ? StatsSeries.of(fromStore.get(), now.toEpochMilli(), CHART_MINUTES, "store")
                : StatsSeries.of(new ArrayList<>(statsFromTopic.values()), now.toEpochMilli(), CHART_MINUTES, "topic"));
        o.putArray("articles").addAll(articles);
        o.putArray("deadLetters").addAll(deadLetters);
        ArrayNode s = o.putArray("sources");
        sources.values().forEach(status -> s.add(status.toJson()));
        o.putObject("counts").put("articles", articlesSeen).put("deadLetters", deadLettersSeen);
        return o;
    }
}
