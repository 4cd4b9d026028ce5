package dev.khabar.processor.topology;

import dev.khabar.processor.error.ProcessorMetrics;
import dev.khabar.processor.pipeline.ArticlePipeline;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.Topics;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
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
 *                                           └─► news.category.&lt;id&gt;  (one record per label)
 * </pre>
 */
public final class NewsTopology {

    private NewsTopology() {
    }

    public static Topology build(ProcessorConfig config, ArticlePipeline pipeline, ProcessorMetrics metrics, Clock clock) {
        Topics topics = config.topics();
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class);
        AvroSerde<DeadLetter> dlqSerde = AvroSerde.of(DeadLetter.class);
        StreamsBuilder builder = new StreamsBuilder();

        KStream<String, ProcessedArticle> processed = builder
                .stream(topics.raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-source"))
                .processValues(() -> new ProcessArticle(pipeline, metrics, clock), Named.as("process-article"));

        Map<String, KStream<String, ProcessedArticle>> routes = processed.split(Named.as("route-"))
                .branch((id, p) -> p.isFailure(), Branched.as("failed"))
                .defaultBranch(Branched.as("ok"));

        routes.get("route-failed")
                .mapValues(ProcessedArticle::deadLetter, Named.as("to-dead-letter"))
                .to(topics.dlq(), Produced.with(Serdes.String(), dlqSerde).withName("dlq-sink"));

        KStream<String, EnrichedArticle> articles = routes.get("route-ok")
                .mapValues(ProcessedArticle::article, Named.as("article"));
        articles.to(topics.enriched(), Produced.with(Serdes.String(), enrichedSerde).withName("enriched-sink"));
        articles.mapValues(ArticlePipeline::withoutLabels, Named.as("drop-labels"))
                .to(topics.clean(), Produced.with(Serdes.String(), enrichedSerde).withName("clean-sink"));
        articles.flatMapValues(a -> a.getLabels().stream().map(label -> new Labelled(label, a)).toList(),
                        Named.as("one-per-label"))
                .to((id, labelled, ctx) -> topics.category(labelled.label()),
                        Produced.with(Serdes.String(), Serdes.serdeFrom(labelledSerializer(enrichedSerde), NewsTopology::notRead))
                                .withName("category-sink"));
        return builder.build();
    }

    /** An article on its way to one category topic. */
    record Labelled(String label, EnrichedArticle article) {
    }

    private static Serializer<Labelled> labelledSerializer(AvroSerde<EnrichedArticle> serde) {
        return (topic, labelled) -> labelled == null ? null : serde.encode(labelled.article());
    }

    private static Labelled notRead(String topic, byte[] bytes) {
        throw new UnsupportedOperationException("category topics are written here, never read back");
    }

    /** The default clock for production; tests pass a fixed one. */
    public static Clock systemClock() {
        return Clock.systemUTC();
    }
}
