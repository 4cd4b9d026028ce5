package dev.khabar.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An operator adds a category by editing the taxonomy file; the running processor picks it up. */
@ExtendWith(EmbeddedKafkaExtension.class)
class TaxonomyReloadIT {

    private static final String ONE = """
            categories:
              - id: cricket
                threshold: 1
                terms:
                  en: {cricket: 2}
            """;
    private static final String TWO = ONE + """
              - id: monsoon
                threshold: 1
                terms:
                  en: {monsoon: 2}
                  hi: {मानसून: 2}
            """;

    @Test
    void aCategoryAddedToTheFileIsLabelledAndRoutedWithoutARestart(EmbeddedKafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        Path taxonomy = dir.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, ONE);
        KhabarConfig config = new ConfigLoader().flag("kafka.bootstrap", kafka.bootstrapServers())
                .flag("topics.prefix", "reload.").flag("processor.taxonomy", taxonomy)
                .flag("processor.application-id", "reload-test").flag("kafka.partitions", 1).load();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, config.topics(), List.of("cricket"), 1, (short) 1);
        }
        try (ProcessorRunner runner = ProcessorRunner.start(config, kafka.bootstrapServers(), new SimpleMeterRegistry());
             KafkaProducer<String, byte[]> producer = RunningProcessor.producer(kafka)) {
            RunningProcessor.send(producer, config, "https://x.example/1", "Monsoon arrives early", "The monsoon reached Kerala today.");
            assertThat(read(config, config.topics().enriched(), 1).get(0).getLabels()).isEmpty();

            Files.writeString(taxonomy, TWO);
            Files.setLastModifiedTime(taxonomy, FileTime.from(Instant.now().plusSeconds(1)));
            List<String> existing = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!existing.contains(config.topics().category("monsoon")) && System.nanoTime() < deadline) {
                Thread.sleep(250);
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                    existing = new ArrayList<>(TopicSetup.existing(admin));
                }
            }
            assertThat(existing).as("the new category's topic is created by the reload")
                    .contains(config.topics().category("monsoon"));
            // the topic is created first, then the classifier swapped: wait for the swap too
            while (!runner.reloadedCategoryIds().contains("monsoon") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(runner.reloadedCategoryIds()).contains("cricket", "monsoon");

            RunningProcessor.send(producer, config, "https://x.example/2", "मानसून ने पूरे देश को ढका", "मानसून समय से पहले पूरे देश में पहुंच गया।");
            EnrichedArticle second = read(config, config.topics().enriched(), 2).get(1);
            assertThat(second.getLabels()).containsExactly("monsoon");
            assertThat(read(config, config.topics().category("monsoon"), 1)).extracting(EnrichedArticle::getId)
                    .containsExactly(second.getId());
        }
    }

    @Test
    void aCategoryAddedWithASmallerTopicLowersTheArticleLimitInsteadOfFailingTheStream(EmbeddedKafkaBroker kafka,
            @TempDir Path dir) throws Exception {
        Path taxonomy = dir.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, ONE);
        KhabarConfig config = new ConfigLoader().flag("kafka.bootstrap", kafka.bootstrapServers())
                .flag("topics.prefix", "limit.").flag("processor.taxonomy", taxonomy)
                .flag("processor.application-id", "limit-test").flag("kafka.partitions", 1).load();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, config.topics(), List.of("cricket"), 1, (short) 1);
        }
        kafka.createTopics(1, config.topics().category("monsoon")); // made elsewhere: the broker's ~1 MB limit
        StringBuilder text = new StringBuilder("The monsoon reached Kerala today.\n");
        while (text.length() < 2_000_000) {
            text.append("Rainfall table row ").append(text.length()).append(": district, millimetres, departure.\n");
        }
        try (ProcessorRunner runner = ProcessorRunner.start(config, kafka.bootstrapServers(), new SimpleMeterRegistry());
             KafkaProducer<String, byte[]> producer = RunningProcessor.producer(kafka)) {
            Files.writeString(taxonomy, TWO);
            Files.setLastModifiedTime(taxonomy, FileTime.from(Instant.now().plusSeconds(1)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!runner.reloadedCategoryIds().contains("monsoon") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(runner.reloadedCategoryIds()).contains("monsoon");

            RunningProcessor.send(producer, config, "https://x.example/rain-table", "Monsoon rainfall, district by district", text.toString());
            RunningProcessor.send(producer, config, "https://x.example/rain", "Monsoon arrives early", "The monsoon reached Kerala today.");

            // the 2 MB article fits news.enriched (8 MB) but not the monsoon topic: a dead letter, and the stream goes on
            assertThat(read(config, config.topics().enriched(), 1)).extracting(EnrichedArticle::getTitle)
                    .containsExactly("Monsoon arrives early");
            List<DeadLetter> letters = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            try (TopicTail tail = new TopicTail(config.kafka().bootstrap(), Map.of(), List.of(config.topics().dlq()), true)) {
                tail.run((t, r) -> letters.add(AvroSerde.of(DeadLetter.class).decode(r.value())),
                        () -> !letters.isEmpty() || System.nanoTime() > until);
            }
            assertThat(letters).singleElement().satisfies(d -> {
                assertThat(d.getStage()).isEqualTo("serialize");
                assertThat(d.getUrl()).isEqualTo("https://x.example/rain-table");
            });
            assertThat(runner.isRunning()).isTrue();
        }
    }

    private static List<EnrichedArticle> read(KhabarConfig config, String topic, int n) {
        List<EnrichedArticle> out = RunningProcessor.read(config, topic, n, AvroSerde.of(EnrichedArticle.class)::decode);
        assertThat(out).as(topic).hasSizeGreaterThanOrEqualTo(n);
        return out;
    }
}
