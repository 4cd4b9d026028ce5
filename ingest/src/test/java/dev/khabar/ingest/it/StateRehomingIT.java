package dev.khabar.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.frontier.SiteKeys;
import dev.khabar.ingest.frontier.StateRehoming;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.UrlState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** URL states written where an older ingest put them (by URL) are moved to their sites' partitions. */
@ExtendWith(EmbeddedKafkaExtension.class)
class StateRehomingIT {

    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final AvroSerde<UrlState> SERDE = AvroSerde.of(UrlState.class);
    private final EmbeddedKafkaBroker kafka;

    StateRehomingIT(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
    }

    private static UrlState state(String url, Instant fetched, int version) {
        return UrlState.newBuilder().setUrl(url).setLastFetched(fetched).setVersion(version).setContentHash("h" + version)
                .setLastOutcome("published").build();
    }

    @Test
    void everyUrlEndsWithItsNewestStateInItsSitesPartitionOnly() throws Exception {
        IngestHarness h = new IngestHarness(kafka, "rehome."); // frontier and states: 3 partitions
        List<String> urls = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            for (int i = 0; i < 6; i++) {
                urls.add("https://site" + s + ".example/story-" + i);
            }
        }
        Map<String, UrlState> newest = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // as an ingest before states followed their sites wrote them: keyed by URL, Kafka's partitioner
            for (String url : urls) {
                UrlState old = state(url, T0, 1);
                producer.send(new ProducerRecord<>(h.topics.ingestState(), url, SERDE.encode(old)));
                newest.put(url, old);
            }
            producer.flush();
            // one URL was fetched again since, by an ingest that already writes to the site's partition: newer, kept
            String refetched = urls.get(0);
            UrlState now = state(refetched, T0.plusSeconds(3600), 2);
            producer.send(new ProducerRecord<>(h.topics.ingestState(), SiteKeys.partition(refetched, 3), refetched,
                    SERDE.encode(now)));
            newest.put(refetched, now);
            // another has an older copy at home and a newer one elsewhere: the newer one moves
            String straggler = urls.get(7);
            int home = SiteKeys.partition(straggler, 3);
            producer.send(new ProducerRecord<>(h.topics.ingestState(), home, straggler,
                    SERDE.encode(state(straggler, T0.minusSeconds(3600), 1))));
            UrlState newer = state(straggler, T0.plusSeconds(60), 3);
            producer.send(new ProducerRecord<>(h.topics.ingestState(), (home + 1) % 3, straggler, SERDE.encode(newer)));
            newest.put(straggler, newer);
            producer.flush();
        }
        assertThat(latestByPartition(h)).as("the old layout leaves states outside their sites' partitions")
                .anySatisfy((url, byPartition) -> assertThat(byPartition).doesNotContainKey(SiteKeys.partition(url, 3)));

        StateRehoming.Result result = StateRehoming.run(kafka.bootstrapServers(), Map.of(), h.topics,
                h.topics.prefix() + "ingest");

        assertThat(result.urls()).isEqualTo(30);
        Map<String, Map<Integer, UrlState>> after = latestByPartition(h);
        assertThat(after).hasSize(30);
        after.forEach((url, byPartition) -> {
            assertThat(byPartition).as(url).containsOnlyKeys(SiteKeys.partition(url, 3));
            assertThat(byPartition.values().iterator().next()).as(url).isEqualTo(newest.get(url));
        });

        // a second run finds nothing to do
        StateRehoming.Result again = StateRehoming.run(kafka.bootstrapServers(), Map.of(), h.topics,
                h.topics.prefix() + "ingest");
        assertThat(again.moved()).isZero();
        assertThat(again.tombstones()).isZero();
    }

    @Test
    void itRefusesWhileIngestRuns() throws Exception {
        IngestHarness h = new IngestHarness(kafka, "rehome-busy.");
        try (IngestService ingest = h.start("busy-1", List.of())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            IllegalStateException refused = null;
            while (refused == null && System.nanoTime() < deadline) {
                try {
                    StateRehoming.run(kafka.bootstrapServers(), Map.of(), h.topics, h.topics.prefix() + "ingest");
                    Thread.sleep(200); // the workers may not have joined the group yet
                } catch (IllegalStateException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull().hasMessageContaining("stop every ingest instance first");
        }
    }

    @Test
    void itRefusesWhileATransactionOnTheStateTopicIsOpen() throws Exception {
        IngestHarness h = new IngestHarness(kafka, "rehome-open.");
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "rehome-open-test");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            String url = "https://site1.example/open";
            producer.send(new ProducerRecord<>(h.topics.ingestState(), url, SERDE.encode(state(url, T0, 1))));
            producer.flush(); // written, not committed: as an ingest killed mid-batch leaves it

            assertThatThrownBy(() -> StateRehoming.run(kafka.bootstrapServers(), Map.of(), h.topics,
                    h.topics.prefix() + "ingest")).hasMessageContaining("transaction still open");

            producer.abortTransaction();
        }
        assertThat(StateRehoming.run(kafka.bootstrapServers(), Map.of(), h.topics, h.topics.prefix() + "ingest").urls())
                .isZero();
    }

    /** The latest non-tombstone value of each URL in each partition: what compaction will keep. */
    private Map<String, Map<Integer, UrlState>> latestByPartition(IngestHarness h) {
        Map<String, Map<Integer, UrlState>> out = new HashMap<>();
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                parts.add(new TopicPartition(h.topics.ingestState(), p));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<Integer, UrlState> byPartition = out.computeIfAbsent(r.key(), k -> new HashMap<>());
                    if (r.value() == null) {
                        byPartition.remove(r.partition());
                    } else {
                        byPartition.put(r.partition(), SERDE.decode(r.value()));
                    }
                }
            }
        }
        out.values().removeIf(Map::isEmpty);
        return out;
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
