package dev.khabar.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.processor.topology.StreamsSettings;
import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Khabar's topics on a real broker: category topics take articles as large as the others do. */
@ExtendWith(EmbeddedKafkaExtension.class)
class TopicSetupIT {

    @Test
    void categoryTopicsAreCreatedToTakeArticlesAsLargeAsTheArticleTopics(EmbeddedKafkaBroker kafka) throws Exception {
        Topics topics = new Topics("sizes.");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<String> warnings = TopicSetup.ensure(admin, topics, List.of("defence", "monsoon"), 1, (short) 1);

            assertThat(warnings).isEmpty();
            for (String topic : List.of(topics.category("monsoon"), topics.enriched(), topics.clean())) {
                assertThat(maxMessageBytes(admin, topic)).as(topic).isEqualTo(TopicSetup.ARTICLE_MAX_MESSAGE_BYTES);
            }
            int limit = TopicSetup.recordLimits(admin, topics, List.of("defence", "monsoon"),
                    StreamsSettings.MAX_REQUEST_BYTES).article();
            assertThat(limit).isGreaterThan(8_000_000).isLessThan(TopicSetup.ARTICLE_MAX_MESSAGE_BYTES);
        }
    }

    @Test
    void aCategoryTopicMadeElsewhereWithTheBrokersDefaultLimitIsReportedAndLimitsTheArticles(EmbeddedKafkaBroker kafka)
            throws Exception {
        Topics topics = new Topics("premade.");
        kafka.createTopics(1, topics.category("cricket")); // the broker's default max.message.bytes (~1 MB)
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<String> warnings = TopicSetup.ensure(admin, topics, List.of("cricket"), 1, (short) 1);

            assertThat(warnings).singleElement().asString()
                    .contains(topics.category("cricket")).contains("max.message.bytes");
            int limit = TopicSetup.recordLimits(admin, topics, List.of("cricket"), StreamsSettings.MAX_REQUEST_BYTES).article();
            assertThat(limit).isLessThan(maxMessageBytes(admin, topics.category("cricket"))).isGreaterThan(1_000_000);
        }
    }

    @Test
    void aStateTopicWhosePartitionsDoNotMatchTheFrontiersIsReported(EmbeddedKafkaBroker kafka) throws Exception {
        Topics topics = new Topics("uneven.");
        kafka.createTopics(3, topics.ingestState()); // made elsewhere; Khabar makes the frontier with 2
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<String> warnings = TopicSetup.ensure(admin, topics, List.of(), 2, (short) 1);

            assertThat(warnings).anySatisfy(w -> assertThat(w).contains(topics.frontier()).contains(topics.ingestState())
                    .contains("every ingest instance reads and holds every URL's state"));
        }
    }

    @Test
    void anArticleOfTwoMegabytesReachesItsCategoryTopic(EmbeddedKafkaBroker kafka) throws Exception {
        KhabarConfig config = new ConfigLoader().flag("kafka.bootstrap", kafka.bootstrapServers())
                .flag("topics.prefix", "large.").flag("processor.application-id", "large-test")
                .flag("kafka.partitions", 1).load();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, config.topics(), Taxonomy.defaults().categoryIds(), 1, (short) 1);
        }
        StringBuilder text = new StringBuilder("The navy commissioned a new destroyer armed with anti-ship missiles, "
                + "the defence ministry said.\n");
        while (text.length() < 2_000_000) {
            text.append("Section ").append(text.length()).append(" of the annexed procurement report lists spares, "
                    + "shipyard schedules and sea trials in detail.\n");
        }
        String url = "https://large.example/report";
        AvroSerde<RawArticle> rawSerde = AvroSerde.of(RawArticle.class); // first: it trusts the schema classes with Avro
        RawArticle a = RawArticle.newBuilder().setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url).setSourceId("t")
                .setFetchedAt(Instant.now()).setHttpStatus(200).setTitle("Navy commissions destroyer")
                .setText(text.toString()).setExtractorVersion("t").build();
        try (ProcessorRunner runner = ProcessorRunner.start(config, kafka.bootstrapServers(), new SimpleMeterRegistry());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StreamsSettings.MAX_REQUEST_BYTES),
                     new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.topics().raw(), a.getId(), rawSerde.encode(a))).get();

            List<EnrichedArticle> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            try (TopicTail tail = new TopicTail(kafka.bootstrapServers(), Map.of(),
                    List.of(config.topics().category("defence"), config.topics().dlq()), true)) {
                tail.run((t, r) -> {
                    assertThat(t).as("no dead letter").isEqualTo(config.topics().category("defence"));
                    out.add(AvroSerde.of(EnrichedArticle.class).decode(r.value()));
                }, () -> !out.isEmpty() || System.nanoTime() > deadline);
            }
            assertThat(out).singleElement().satisfies(e -> {
                assertThat(e.getId()).isEqualTo(a.getId());
                assertThat(e.getText().length()).isGreaterThan(2_000_000);
            });
        }
    }

    private static int maxMessageBytes(Admin admin, String topic) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Integer.parseInt(admin.describeConfigs(List.of(r)).all().get().get(r)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    }
}
