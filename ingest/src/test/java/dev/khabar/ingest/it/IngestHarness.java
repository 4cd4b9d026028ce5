package dev.khabar.ingest.it;

import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.source.Source;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Starts ingest services on the embedded broker and reads back what they wrote. */
final class IngestHarness {

    static final FetchSettings FAST = new FetchSettings("KhabarBot/0.1 (+test)", Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1024 * 1024, 5, Duration.ZERO);

    private final EmbeddedKafkaBroker kafka;
    final Topics topics;

    IngestHarness(EmbeddedKafkaBroker kafka, String prefix) {
        this(kafka, prefix, 3);
    }

    /** @param frontierPartitions 1 puts every host on one partition, and so in one worker's polls */
    IngestHarness(EmbeddedKafkaBroker kafka, String prefix, int frontierPartitions) {
        this.kafka = kafka;
        this.topics = new Topics(prefix);
        kafka.createTopics(frontierPartitions, topics.frontier());
        kafka.createTopics(3, topics.raw(), topics.fetchLog());
        kafka.createTopics(3, topics.ingestState());
    }

    IngestService start(String instanceId, List<Source> sources) {
        return start(instanceId, sources, FAST, IngestListener.NONE);
    }

    IngestService start(String instanceId, List<Source> sources, FetchSettings fetch, IngestListener listener) {
        return start(instanceId, sources, fetch, listener, Map.of(), new SimpleMeterRegistry());
    }

    IngestService start(String instanceId, List<Source> sources, FetchSettings fetch, IngestListener listener,
                        Map<String, Object> clientProperties, MeterRegistry meters) {
        return start(new IngestService.Options(topics.prefix() + "ingest", instanceId, 2, fetch, Duration.ofSeconds(5)),
                sources, listener, clientProperties, meters);
    }

    /** An instance keeping its URL states off the heap, in a RocksDB under {@code stateDir}. */
    IngestService startWithStatesOnDisk(String instanceId, List<Source> sources, java.nio.file.Path stateDir) {
        return start(new IngestService.Options(topics.prefix() + "ingest", instanceId, 2, FAST, Duration.ofSeconds(5),
                stateDir), sources, IngestListener.NONE, Map.of(), new SimpleMeterRegistry());
    }

    private IngestService start(IngestService.Options options, List<Source> sources, IngestListener listener,
                                Map<String, Object> clientProperties, MeterRegistry meters) {
        return IngestService.start(options, kafka.bootstrapServers(), clientProperties, topics, sources, meters, listener,
                Clock.systemUTC());
    }

    /** Discovers with a fresh run id and waits until every URL of the run has its fetch-log entry. */
    List<FetchLogEntry> runOnce(IngestService ingest, List<Source> sources) {
        String runId = UUID.randomUUID().toString();
        int expected = ingest.discover(sources, runId).expectedLogEntries();
        List<FetchLogEntry> entries = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        AvroSerde<FetchLogEntry> serde = AvroSerde.of(FetchLogEntry.class);
        try (KafkaConsumer<String, byte[]> c = consumer()) {
            assignFromBeginning(c, topics.fetchLog());
            while (entries.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    FetchLogEntry e = serde.decode(r.value());
                    if (runId.equals(e.getRunId())) {
                        entries.add(e);
                        expected += e.getFollowUps();
                    }
                }
            }
        }
        if (entries.size() < expected) {
            throw new AssertionError("only " + entries.size() + " of " + expected + " fetch-log entries: " + entries);
        }
        return entries;
    }

    /** Every committed record on the raw topic. */
    List<RawArticle> rawArticles() {
        AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class);
        List<RawArticle> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = consumer()) {
            List<TopicPartition> parts = assignFromBeginning(c, topics.raw());
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(serde.decode(r.value())));
            }
        }
        return out;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> assignFromBeginning(KafkaConsumer<String, byte[]> c, String topic) {
        List<TopicPartition> parts = c.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        c.assign(parts);
        c.seekToBeginning(parts);
        return parts;
    }

    static Map<String, Long> outcomes(List<FetchLogEntry> entries) {
        Map<String, Long> m = new java.util.TreeMap<>();
        entries.forEach(e -> m.merge(e.getOutcome(), 1L, Long::sum));
        return m;
    }
}
