package dev.khabar.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.demo.SampleSite;
import dev.khabar.console.runtime.PipelineSession;
import dev.khabar.console.runtime.TopicTail;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation end to end: the bundled sample site → ingest → news.raw → processor →
 * news.enriched / news.clean / news.category.* / news.dlq, on a real embedded KRaft broker.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class PipelineIT {

    @Test
    void everySampleArticleIsEnrichedLabelledAndRoutedAndACorruptRecordReachesTheDlq(EmbeddedKafkaBroker kafka)
            throws Exception {
        KhabarConfig config = new ConfigLoader()
                .flag("kafka.bootstrap", kafka.bootstrapServers())
                .flag("kafka.partitions", 2)
                .flag("ingest.per-host-delay", "0ms")
                .load();
        Map<String, Set<String>> expected = expectedLabels();
        List<EnrichedArticle> seen = new CopyOnWriteArrayList<>();
        List<FetchOutcome> outcomes = new CopyOnWriteArrayList<>();
        IngestListener listener = (source, url, outcome, detail) -> outcomes.add(outcome);

        try (SampleSite site = SampleSite.start(0);
             PipelineSession session = PipelineSession.start(config,
                     List.of(Source.of("sample", SourceType.RSS, site.feedUri(), Duration.ofMinutes(1), true)),
                     new SimpleMeterRegistry(), listener)) {

            PipelineSession.OnceResult result = session.runOnce(seen::add, Duration.ofMinutes(3));

            assertThat(result.complete()).as("processor caught up").isTrue();
            assertThat(result.report().count(FetchOutcome.PUBLISHED)).isEqualTo(expected.size());
            assertThat(outcomes).allMatch(o -> o == FetchOutcome.PUBLISHED);
            assertThat(seen).hasSize(expected.size());

            Map<String, EnrichedArticle> byPath = new HashMap<>();
            for (EnrichedArticle a : seen) {
                byPath.put(java.net.URI.create(a.getUrl()).getPath().replaceFirst("^/", ""), a);
            }
            assertThat(byPath.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((path, labels) -> assertThat(new HashSet<>(byPath.get(path).getLabels()))
                    .as("labels of %s (%s)", path, byPath.get(path).getTitle()).isEqualTo(labels));
            assertThat(seen).filteredOn(a -> a.getLanguage().equals("hi")).hasSizeGreaterThanOrEqualTo(expected.size() / 2);
            assertThat(seen).allSatisfy(a -> {
                assertThat(a.getText()).doesNotContain("Leave a Reply", "Translate »", "bloggers like this");
                assertThat(a.getWordCount()).isPositive();
            });

            // each category topic holds exactly the articles carrying that label
            for (String category : List.of("defence", "diplomacy", "vietnam-visit")) {
                Set<String> want = seen.stream().filter(a -> a.getLabels().contains(category))
                        .map(EnrichedArticle::getId).collect(Collectors.toSet());
                assertThat(want).as(category).isNotEmpty();
                assertThat(readIds(session, config.topics().category(category), want.size())).as(category)
                        .containsExactlyInAnyOrderElementsOf(want);
            }
            assertThat(readIds(session, config.topics().clean(), expected.size())).hasSize(expected.size());

            // a corrupt record on news.raw goes to news.dlq and the stream keeps running
            byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(config.topics().raw(), "corrupt-1", garbage)).get();
            }
            DeadLetter letter = readDeadLetter(session, config.topics().dlq(), "corrupt-1");
            assertThat(letter.getStage()).isEqualTo("deserialize");
            assertThat(letter.getInputTopic()).isEqualTo(config.topics().raw());
            assertThat(letter.getInputOffset()).isNotNull();
            assertThat(letter.getOriginalValue().array()).isEqualTo(garbage);
            assertThat(session.processor().isRunning()).isTrue();
        }
    }

    private static List<String> readIds(PipelineSession session, String topic, int atLeast) {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (TopicTail tail = new TopicTail(session.bootstrap(), Map.of(), List.of(topic), true)) {
            tail.run((t, r) -> ids.add(r.key()), () -> ids.size() >= atLeast || System.nanoTime() > deadline);
            // give late duplicates a chance to show up: exactly-once means none will
            long settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            tail.run((t, r) -> ids.add(r.key()), () -> System.nanoTime() > settle);
        }
        return ids;
    }

    private static DeadLetter readDeadLetter(PipelineSession session, String topic, String key) {
        AvroSerde<DeadLetter> serde = AvroSerde.of(DeadLetter.class);
        DeadLetter[] found = new DeadLetter[1];
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (TopicTail tail = new TopicTail(session.bootstrap(), Map.of(), List.of(topic), true)) {
            tail.run((t, r) -> {
                if (key.equals(r.key())) {
                    found[0] = serde.decode(r.value());
                }
            }, () -> found[0] != null || System.nanoTime() > deadline);
        }
        assertThat(found[0]).as("dead letter for " + key).isNotNull();
        return found[0];
    }

    /** path → labels, from the sample site's own manifest. */
    static Map<String, Set<String>> expectedLabels() throws IOException {
        try (InputStream in = SampleSite.class.getResourceAsStream("/sample-site/expected-labels.tsv")) {
            assertThat(in).as("sample-site/expected-labels.tsv on the classpath").isNotNull();
            Map<String, Set<String>> out = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                Set<String> labels = cols.length < 2 || cols[1].isBlank() ? Set.of()
                        : Arrays.stream(cols[1].split(",")).map(String::strip).collect(Collectors.toSet());
                out.put(cols[0].strip().replaceFirst("^/", ""), labels);
            }
            return out;
        }
    }
}
