package dev.khabar.console.runtime;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.IngestReport;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.FetchLogEntry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
    private final IngestService ingest;

    private PipelineSession(KhabarConfig config, KafkaEndpoint kafka, ProcessorRunner processor, IngestService ingest) {
        this.config = config;
        this.kafka = kafka;
        this.processor = processor;
        this.ingest = ingest;
    }

    public static PipelineSession start(KhabarConfig config, List<Source> sources, MeterRegistry meters,
                                        IngestListener listener) throws InterruptedException {
        KafkaEndpoint kafka = KafkaEndpoint.open(config);
        ProcessorRunner processor = null;
        try {
            try (Admin admin = kafka.admin()) {
                TopicSetup.ensure(admin, config.topics(), ProcessorRunner.taxonomy(config).categoryIds(),
                        config.kafka().partitions(), config.kafka().replicationFactor());
            }
            processor = ProcessorRunner.start(config, kafka.bootstrap(), meters);
            IngestService ingest = IngestRunner.start(config, kafka.bootstrap(), kafka.clientProperties(), sources, meters,
                    listener);
            return new PipelineSession(config, kafka, processor, ingest);
        } catch (RuntimeException | InterruptedException e) {
            if (processor != null) {
                processor.close();
            }
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

    public IngestService ingest() {
        return ingest;
    }

    /** What a one-shot run did. */
    public record OnceResult(IngestReport report, int enriched, int deadLetters, boolean complete) {
    }

    /**
     * Scans every source once and waits until every URL found has an outcome in the fetch log
     * (followed links and retries included) and every article published has come out of the
     * processor, on the enriched topic or the DLQ. {@code onArticle} sees each enriched article.
     */
    public OnceResult runOnce(Consumer<EnrichedArticle> onArticle, Duration timeout) throws InterruptedException {
        String runId = UUID.randomUUID().toString();
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class);
        AvroSerde<FetchLogEntry> logSerde = AvroSerde.of(FetchLogEntry.class);
        IngestReport report = new IngestReport();
        Set<String> published = new HashSet<>(); // id#version
        Map<String, EnrichedArticle> enriched = new HashMap<>(); // id#version
        Set<String> shown = new HashSet<>();
        Set<String> deadIds = new HashSet<>();
        int[] logs = {0};
        int[] expected = {0};
        String logTopic = config.topics().fetchLog();
        String enrichedTopic = config.topics().enriched();
        try (TopicTail tail = new TopicTail(kafka.bootstrap(), kafka.clientProperties(),
                List.of(logTopic, enrichedTopic, config.topics().dlq()), false)) {
            expected[0] = ingest.discover(ingest.sources(), runId).expectedLogEntries();
            long deadline = System.nanoTime() + timeout.toNanos();
            Runnable showReady = () -> {
                for (String key : published) {
                    if (enriched.containsKey(key) && shown.add(key)) {
                        onArticle.accept(enriched.get(key));
                    }
                }
            };
            tail.run((topic, record) -> {
                if (topic.equals(logTopic)) {
                    FetchLogEntry e = logSerde.decode(record.value());
                    if (runId.equals(e.getRunId())) {
                        logs[0]++;
                        expected[0] += e.getFollowUps();
                        report.add(e.getSourceId(), FetchOutcome.fromLabel(e.getOutcome()));
                        if (e.getArticleId() != null) {
                            published.add(e.getArticleId() + "#" + e.getVersion());
                        }
                    }
                } else if (topic.equals(enrichedTopic)) {
                    EnrichedArticle a = enrichedSerde.decode(record.value());
                    enriched.put(a.getId() + "#" + a.getVersion(), a);
                } else if (record.key() != null) {
                    deadIds.add(record.key());
                }
                showReady.run();
            }, () -> (logs[0] >= expected[0] && allDone(published, enriched, deadIds)) || System.nanoTime() > deadline);
            boolean complete = logs[0] >= expected[0] && allDone(published, enriched, deadIds);
            long dead = published.stream().filter(k -> deadIds.contains(k.substring(0, k.indexOf('#')))).count();
            return new OnceResult(report, shown.size(), (int) dead, complete);
        }
    }

    private static boolean allDone(Set<String> published, Map<String, EnrichedArticle> enriched, Set<String> deadIds) {
        for (String key : published) {
            if (!enriched.containsKey(key) && !deadIds.contains(key.substring(0, key.indexOf('#')))) {
                return false;
            }
        }
        return true;
    }

    /** Keeps scanning the sources on their intervals until interrupted. */
    public void ingestContinuously() throws InterruptedException {
        ingest.discoverContinuously();
    }

    @Override
    public void close() {
        ingest.close();
        processor.close();
        kafka.close();
    }
}
