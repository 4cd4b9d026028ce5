package dev.khabar.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The processor follows the topics' {@code max.message.bytes} while it runs: what a topic would
 * refuse becomes a dead letter that fits news.dlq, never a transaction that fails for ever.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class TopicLimitsIT {

    @Test
    void aLimitLoweredAtTheBrokerWhileTheProcessorRunsTurnsLargerArticlesIntoDeadLetters(EmbeddedKafkaBroker kafka)
            throws Exception {
        KhabarConfig config = config(kafka, "lowered.");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, config.topics(), Taxonomy.defaults().categoryIds(), 1, (short) 1);
        }
        String report = table(200_000);
        try (ProcessorRunner runner = ProcessorRunner.start(config, kafka.bootstrapServers(), new SimpleMeterRegistry());
             KafkaProducer<String, byte[]> producer = RunningProcessor.producer(kafka)) {
            RunningProcessor.send(producer, config, "https://x.example/table-1", "Rainfall, district by district", report);
            assertThat(readEnriched(config, 1)).extracting(EnrichedArticle::getUrl)
                    .containsExactly("https://x.example/table-1");

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                ConfigResource enriched = new ConfigResource(ConfigResource.Type.TOPIC, config.topics().enriched());
                admin.incrementalAlterConfigs(Map.of(enriched, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100000"), AlterConfigOp.OpType.SET))))
                        .all().get(30, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (runner.limits().article() >= 100_000 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(runner.limits().article()).as("the lowered limit is read again").isLessThan(100_000);

            RunningProcessor.send(producer, config, "https://x.example/table-2", "Rainfall, district by district, again", report);
            RunningProcessor.send(producer, config, "https://x.example/short", "Monsoon arrives early", "The monsoon reached Kerala today.");

            assertThat(readEnriched(config, 2)).extracting(EnrichedArticle::getUrl)
                    .containsExactly("https://x.example/table-1", "https://x.example/short");
            assertThat(readDeadLetters(config, 1)).singleElement().satisfies(d -> {
                assertThat(d.getStage()).isEqualTo("serialize");
                assertThat(d.getUrl()).isEqualTo("https://x.example/table-2");
            });
            assertThat(runner.isRunning()).isTrue();
        }
    }

    @Test
    void aDeadLetterTopicMadeWithTheBrokersDefaultLimitGetsDeadLettersCutToFit(EmbeddedKafkaBroker kafka)
            throws Exception {
        KhabarConfig config = config(kafka, "smalldlq.");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            // made elsewhere, before Khabar's set-up: the broker's default max.message.bytes (~1 MB)
            admin.createTopics(List.of(new NewTopic(config.topics().dlq(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            TopicSetup.ensure(admin, config.topics(), Taxonomy.defaults().categoryIds(), 1, (short) 1);
        }
        byte[] corrupt = new byte[1_500_000];
        Arrays.fill(corrupt, (byte) '<');
        try (ProcessorRunner runner = ProcessorRunner.start(config, kafka.bootstrapServers(), new SimpleMeterRegistry());
             KafkaProducer<String, byte[]> producer = RunningProcessor.producer(kafka)) {
            producer.send(new ProducerRecord<>(config.topics().raw(), "corrupt", corrupt)).get();
            RunningProcessor.send(producer, config, "https://x.example/short", "Monsoon arrives early", "The monsoon reached Kerala today.");

            assertThat(readEnriched(config, 1)).extracting(EnrichedArticle::getUrl)
                    .containsExactly("https://x.example/short");
            assertThat(readDeadLetters(config, 1)).singleElement().satisfies(d -> {
                assertThat(d.getStage()).isEqualTo("deserialize");
                assertThat(d.getOriginalSize()).isEqualTo(corrupt.length);
                assertThat(d.getOriginalValue().remaining()).isPositive().isLessThan(1_048_588 - 16 * 1024);
                assertThat(d.getOriginalValue().get(0)).isEqualTo((byte) '<');
            });
            assertThat(runner.isRunning()).isTrue();
        }
    }

    private static KhabarConfig config(EmbeddedKafkaBroker kafka, String prefix) {
        return new ConfigLoader().flag("kafka.bootstrap", kafka.bootstrapServers()).flag("topics.prefix", prefix)
                .flag("processor.application-id", prefix + "limits-test").flag("kafka.partitions", 1)
                .flag("processor.topic-limits-check", "500ms").load();
    }

    private static String table(int chars) {
        StringBuilder text = new StringBuilder("The monsoon reached Kerala today.\n");
        while (text.length() < chars) {
            text.append("Rainfall table row ").append(text.length()).append(": district, millimetres, departure.\n");
        }
        return text.toString();
    }

    private static List<EnrichedArticle> readEnriched(KhabarConfig config, int n) {
        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class);
        List<EnrichedArticle> out = RunningProcessor.read(config, config.topics().enriched(), n, serde::decode);
        assertThat(out).as("enriched articles").hasSizeGreaterThanOrEqualTo(n);
        return out;
    }

    private static List<DeadLetter> readDeadLetters(KhabarConfig config, int n) {
        AvroSerde<DeadLetter> serde = AvroSerde.of(DeadLetter.class);
        List<DeadLetter> out = RunningProcessor.read(config, config.topics().dlq(), n, serde::decode);
        assertThat(out).as("dead letters").hasSizeGreaterThanOrEqualTo(n);
        return out;
    }
}
