package dev.khabar.console.runtime;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.IngestReport;
import dev.khabar.ingest.Ingestor;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.EnrichedArticle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * The whole pipeline in one process: Kafka (embedded or not), topics, processor and ingest —
 * what {@code khabar demo} and {@code khabar run} start.
 */
public final class PipelineSession implements AutoCloseable {

    private final KhabarConfig config;
    private final KafkaEndpoint kafka;
    private final ProcessorRunner processor;
    private final Ingestor ingestor;
    private final Set<String> publishedIds = ConcurrentHashMap.newKeySet();

    private PipelineSession(KhabarConfig config, KafkaEndpoint kafka, ProcessorRunner processor, Ingestor ingestor) {
        this.config = config;
        this.kafka = kafka;
        this.processor = processor;
        this.ingestor = ingestor;
    }

    public static PipelineSession start(KhabarConfig config, MeterRegistry meters, IngestListener listener)
            throws InterruptedException {
        KafkaEndpoint kafka = KafkaEndpoint.open(config);
        try {
            try (Admin admin = kafka.admin()) {
                TopicSetup.ensure(admin, config.topics(), ProcessorRunner.taxonomy(config).categoryIds(),
                        config.kafka().partitions(), config.kafka().replicationFactor());
            }
            ProcessorRunner processor = ProcessorRunner.start(config, kafka.bootstrap(), meters);
            PipelineSession[] self = new PipelineSession[1];
            IngestListener tracking = (source, url, outcome, detail) -> {
                if (outcome == FetchOutcome.PUBLISHED) {
                    self[0].publishedIds.add(detail);
                }
                listener.onOutcome(source, url, outcome, detail);
            };
            Ingestor ingestor = IngestRunner.create(config, kafka.bootstrap(), meters, tracking);
            self[0] = new PipelineSession(config, kafka, processor, ingestor);
            return self[0];
        } catch (RuntimeException | InterruptedException e) {
            kafka.close();
            throw e;
        }
    }

    public String bootstrap() {
        return kafka.bootstrap();
    }

    public KafkaEndpoint kafka() {
        return kafka;
    }

    public ProcessorRunner processor() {
        return processor;
    }

    /**
     * Ingests every source once and waits until every published article has come out of the
     * processor (on the enriched topic or the DLQ), calling {@code onArticle} for each enriched one.
     *
     * @return the ingest report; {@code complete} tells whether the processor caught up in time
     */
    public OnceResult runOnce(List<Source> sources, Consumer<EnrichedArticle> onArticle, Duration timeout)
            throws InterruptedException {
        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class);
        Set<String> done = ConcurrentHashMap.newKeySet();
        int[] deadLetters = new int[1];
        try (TopicTail tail = new TopicTail(kafka.bootstrap(), kafka.clientProperties(),
                List.of(config.topics().enriched(), config.topics().dlq()), false)) {
            IngestReport report = ingestor.pollOnce(sources);
            long deadline = System.nanoTime() + timeout.toNanos();
            tail.run((topic, record) -> {
                if (topic.equals(config.topics().enriched())) {
                    EnrichedArticle a = serde.decode(record.value());
                    if (publishedIds.contains(a.getId()) && done.add(a.getId() + "#" + a.getVersion())) {
                        onArticle.accept(a);
                    }
                } else if (record.key() != null && publishedIds.contains(record.key())) {
                    deadLetters[0]++;
                    done.add(record.key() + "#dlq");
                }
            }, () -> done.size() >= report.count(FetchOutcome.PUBLISHED) || System.nanoTime() > deadline);
            return new OnceResult(report, done.size() - deadLetters[0], deadLetters[0],
                    done.size() >= report.count(FetchOutcome.PUBLISHED));
        }
    }

    /** What a one-shot run did. */
    public record OnceResult(IngestReport report, int enriched, int deadLetters, boolean complete) {
    }

    /** Keeps polling the sources on their intervals until interrupted. */
    public void ingestContinuously(List<Source> sources, IngestReport report) throws InterruptedException {
        ingestor.runContinuously(sources, report);
    }

    @Override
    public void close() {
        ingestor.close();
        processor.close();
        kafka.close();
    }
}
