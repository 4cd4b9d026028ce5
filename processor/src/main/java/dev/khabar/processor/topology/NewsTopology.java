package dev.khabar.processor.topology;

import dev.khabar.processor.error.ProcessorMetrics;
import dev.khabar.processor.pipeline.ArticlePipeline;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.Topics;
import dev.khabar.schemas.StatsCount;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The processor's one topology, a pure function of its inputs (no I/O here):
 *
 * <pre>
 * news.raw ─► process-article ─┬─ failures ─► news.dlq
 *   (bytes)   decode, clean,   └─ articles ─┬─► news.enriched
 *             classify, enrich              ├─► news.clean            (without labels)
 *                                           ├─► news.category.&lt;id&gt;  (one record per label)
 *                                           ├─► news.stats            (1-minute counts per label, language, source)
 *                                           └─► news.fingerprints ─► global store ─► mark-duplicates
 *                                               (and, swept each minute, tombstones for keys past the window)
 * </pre>
 */
public final class NewsTopology {

    private NewsTopology() {
    }

    public static Topology build(ProcessorConfig config, ArticlePipeline pipeline, ProcessorMetrics metrics, Clock clock) {
        return build(config, pipeline, metrics, clock, config::limits);
    }

    /**
     * @param limits asked on every article for the largest records the topics take, so a category
     *               added at run time (its topic smaller than the others) or a limit an operator
     *               lowers is followed without a restart
     */
    public static Topology build(ProcessorConfig config, ArticlePipeline pipeline, ProcessorMetrics metrics, Clock clock,
                                 Supplier<RecordLimits> limits) {
        Topics topics = config.topics();
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class);
        AvroSerde<DeadLetter> dlqSerde = AvroSerde.of(DeadLetter.class);
        StreamsBuilder builder = new StreamsBuilder();

        KStream<String, ProcessedArticle> processed = builder
                .stream(topics.raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-source"))
                .processValues(() -> new ProcessArticle(pipeline, metrics, clock, limits), Named.as("process-article"));

        Map<String, KStream<String, ProcessedArticle>> routes = processed.split(Named.as("route-"))
                .branch((id, p) -> p.isFailure(), Branched.as("failed"))
                .defaultBranch(Branched.as("ok"));

        routes.get("route-failed")
                .mapValues(ProcessedArticle::deadLetter, Named.as("to-dead-letter"))
                .to(topics.dlq(), Produced.with(Serdes.String(), dlqSerde).withName("dlq-sink"));

        builder.globalTable(topics.fingerprints(), Consumed.with(Serdes.String(), Serdes.String())
                        .withName("fingerprints-source"),
                // no record cache: only the global thread writes this store, and a range over a cached store
                // copies the cache's keys in that range (four ranges per article)
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(FINGERPRINT_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()).withCachingDisabled());
        KStream<String, EnrichedArticle> articles = routes.get("route-ok")
                .mapValues(ProcessedArticle::article, Named.as("article"))
                .processValues(() -> new MarkDuplicates(FINGERPRINT_STORE), Named.as("mark-duplicates"));
        articles.process(() -> new FingerprintRecords(FINGERPRINT_STORE, metrics), Named.as("fingerprint"))
                .to(topics.fingerprints(), Produced.with(Serdes.String(), Serdes.String()).withName("fingerprints-sink"));
        articles.flatMap((id, a) -> statsKeys(a), Named.as("stats-keys"))
                .groupByKey(Grouped.with("stats-by-key", Serdes.String(), Serdes.Long()))
                .windowedBy(TimeWindows.ofSizeAndGrace(STATS_WINDOW, Duration.ofHours(1)))
                .count(Named.as("stats-count"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(STATS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()).withRetention(Duration.ofHours(25)))
                .toStream(Named.as("stats-changes"))
                .map((w, count) -> KeyValue.pair(w.key() + "@" + w.window().start(), statsCount(w, count)),
                        Named.as("stats-record"))
                .to(topics.stats(), Produced.with(Serdes.String(), AvroSerde.of(StatsCount.class)).withName("stats-sink"));
        // encoded once: news.enriched and each of its category topics carry the same bytes
        KStream<String, Encoded> encoded = articles.mapValues(a -> new Encoded(a.getLabels(), enrichedSerde.encode(a)),
                Named.as("encode-enriched"));
        encoded.mapValues(Encoded::bytes, Named.as("enriched-bytes"))
                .to(topics.enriched(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("enriched-sink"));
        articles.mapValues(ArticlePipeline::withoutLabels, Named.as("drop-labels"))
                .to(topics.clean(), Produced.with(Serdes.String(), enrichedSerde).withName("clean-sink"));
        encoded.flatMapValues(e -> e.labels().stream().map(label -> new Labelled(label, e.bytes())).toList(),
                        Named.as("one-per-label"))
                .to((id, labelled, ctx) -> topics.category(labelled.label()),
                        Produced.with(Serdes.String(), Serdes.serdeFrom(NewsTopology::labelledBytes, NewsTopology::notRead))
                                .withName("category-sink"));
        return builder.build();
    }

    /** Interactive-query name of the windowed counts: keys {@code label:<id>}, {@code language:<code>}, {@code source:<id>}. */
    public static final String STATS_STORE = "khabar-stats";
    /** Global store of near-duplicate fingerprints. */
    public static final String FINGERPRINT_STORE = "khabar-fingerprints";
    public static final Duration STATS_WINDOW = Duration.ofMinutes(1);

    private static List<KeyValue<String, Long>> statsKeys(EnrichedArticle a) {
        List<KeyValue<String, Long>> keys = new ArrayList<>();
        keys.add(KeyValue.pair("language:" + a.getLanguage(), 1L));
        keys.add(KeyValue.pair("source:" + a.getSourceId(), 1L));
        if (a.getLabels().isEmpty()) {
            keys.add(KeyValue.pair("label:none", 1L));
        }
        a.getLabels().forEach(l -> keys.add(KeyValue.pair("label:" + l, 1L)));
        return keys;
    }

    private static StatsCount statsCount(Windowed<String> w, Long count) {
        String[] dv = w.key().split(":", 2);
        return new StatsCount(dv[0], dv[1], w.window().startTime(), w.window().endTime(), count);
    }

    /** An enriched article, encoded once, with its labels. */
    record Encoded(List<String> labels, byte[] bytes) {
    }

    /** An encoded article on its way to one category topic. */
    record Labelled(String label, byte[] bytes) {
    }

    private static byte[] labelledBytes(String topic, Labelled labelled) {
        return labelled == null ? null : labelled.bytes();
    }

    private static Labelled notRead(String topic, byte[] bytes) {
        throw new UnsupportedOperationException("category topics are written here, never read back");
    }
}
