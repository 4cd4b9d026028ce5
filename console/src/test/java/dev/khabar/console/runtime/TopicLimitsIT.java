package dev.khabar.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.RawArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
             KafkaProducer<String, byte[]> producer = producer(kafka)) {
            send(producer, config, "https://x.example/table-1", "Rainfall, district by district", report);
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

            send(producer, config, "https://x.example/table-2", "Rainfall, district by district, again", report);
            send(producer, config, "https://x.example/short", "Monsoon arrives early", "The monsoon reached Kerala today.");

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
             KafkaProducer<String, byte[]> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(config.topics().raw(), "corrupt", corrupt)).get();
            send(producer, config, "https://x.example/short", "Monsoon arrives early", "The monsoon reached Kerala today.");

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

    private static KafkaProducer<String, byte[]> producer(EmbeddedKafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, KhabarConfig config, String url, String title,
                             String text) throws Exception {
        RawArticle a = RawArticle.newBuilder().setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url)
                .setSourceId("t").setFetchedAt(Instant.now()).setHttpStatus(200).setTitle(title).setText(text)
                .setExtractorVersion("t").build();
        producer.send(new ProducerRecord<>(config.topics().raw(), a.getId(), AvroSerde.of(RawArticle.class).encode(a))).get();
    }

    private static List<EnrichedArticle> readEnriched(KhabarConfig config, int n) {
        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class);
        List<EnrichedArticle> out = read(config, config.topics().enriched(), n, serde::decode);
        assertThat(out).as("enriched articles").hasSizeGreaterThanOrEqualTo(n);
        return out;
    }

    private static List<DeadLetter> readDeadLetters(KhabarConfig config, int n) {
        AvroSerde<DeadLetter> serde = AvroSerde.of(DeadLetter.class);
        List<DeadLetter> out = read(config, config.topics().dlq(), n, serde::decode);
        assertThat(out).as("dead letters").hasSizeGreaterThanOrEqualTo(n);
        return out;
    }

    private static <T> List<T> read(KhabarConfig config, String topic, int n, java.util.function.Function<byte[], T> decode) {
        List<T> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (TopicTail tail = new TopicTail(config.kafka().bootstrap(), Map.of(), List.of(topic), true)) {
            tail.run((t, r) -> out.add(decode.apply(r.value())), () -> out.size() >= n || System.nanoTime() > deadline);
        }
        return out;
    }
}
