package dev.khabar.processor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.processor.classify.TopicClassifier;
import dev.khabar.processor.clean.TextCleaner;
import dev.khabar.processor.enrich.ArticleEnricher;
import dev.khabar.processor.error.ProcessorMetrics;
import dev.khabar.processor.pipeline.ArticlePipeline;
import dev.khabar.processor.topology.NewsTopology;
import dev.khabar.processor.topology.ProcessorConfig;
import dev.khabar.processor.topology.RecordLimits;
import dev.khabar.processor.topology.StreamsSettings;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oversized records on a real broker, with 8 MB raw/article/DLQ topics and category topics at the
 * broker's default (as made elsewhere, or by Khabar before it gave them 8 MB; the processor's
 * article cap then stays at its default): a legal 3 MB article whose enriched record fits no
 * category topic, and a 3 MB corrupt record whose dead letter carries 1 MiB of it.
 * Each ends in {@code news.dlq} with a reason, nothing of the big article leaks out half-written,
 * and the processor stays up and goes on with the next article.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class OversizedRecordsIT {

    private static final Topics TOPICS = new Topics("oversized.");
    private static final int EIGHT_MB = 8 * 1024 * 1024;

    @TempDir
    Path stateDir;

    @Test
    void oversizedOutputsAndDeadLettersGoToTheDlqAndTheStreamGoesOn(EmbeddedKafkaBroker kafka) throws Exception {
        createTopics(kafka);
        // the limits the runner reads from these topics: 8 MB for news.dlq, the broker's default for the category topics
        ProcessorConfig config = new ProcessorConfig(TOPICS, "oversized-test",
                RecordLimits.forTopics(1_048_588, EIGHT_MB, StreamsSettings.MAX_REQUEST_BYTES));
        ArticlePipeline pipeline = new ArticlePipeline(TextCleaner.defaults(), () -> new TopicClassifier(Taxonomy.defaults()),
                ArticleEnricher.defaults(), Clock.systemUTC());
        AvroSerde<RawArticle> raw = AvroSerde.of(RawArticle.class);
        RawArticle big = PoisonRecordsTest.article("https://x.example/big", "A very long defence report",
                longText(3 * 1024 * 1024) + " The defence ministry signed a military pact.");
        RawArticle small = PoisonRecordsTest.article("https://x.example/small", "After the big one",
                "Light rain is expected in the city tomorrow, the weather office said.");
        byte[] corrupt = PoisonRecordsTest.concat(new byte[] {(byte) 0xC3, 0x01}, new byte[3 * 1024 * 1024]);

        try (KafkaStreams streams = new KafkaStreams(NewsTopology.build(config, pipeline,
                new ProcessorMetrics(new SimpleMeterRegistry()), Clock.systemUTC()),
                StreamsSettings.properties(kafka.bootstrapServers(), config, stateDir.toString(), Map.of()))) {
            streams.start();
            try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                producer.send(new ProducerRecord<>(TOPICS.raw(), 0, big.getId(), raw.encode(big))).get();
                producer.send(new ProducerRecord<>(TOPICS.raw(), 0, "corrupt", corrupt)).get();
                producer.send(new ProducerRecord<>(TOPICS.raw(), 0, small.getId(), raw.encode(small))).get();
            }

            List<ConsumerRecord<String, byte[]>> enriched = readUntil(kafka, TOPICS.enriched(),
                    rs -> rs.stream().anyMatch(r -> r.key().equals(small.getId())));
            List<DeadLetter> letters = readUntil(kafka, TOPICS.dlq(),
                    rs -> rs.stream().anyMatch(r -> r.key().equals("corrupt"))).stream()
                    .map(r -> AvroSerde.of(DeadLetter.class).decode(r.value())).toList();

            assertThat(enriched).extracting(ConsumerRecord::key).containsExactly(small.getId());
            assertThat(letters).hasSize(2);
            assertThat(letters.get(0).getStage()).isEqualTo("serialize");
            assertThat(letters.get(0).getErrorClass()).endsWith("RecordTooLargeException");
            assertThat(letters.get(0).getMessage()).contains("enriched article of", "bytes is larger than");
            assertThat(letters.get(0).getInputOffset()).isEqualTo(0L);
            assertThat(letters.get(0).getUrl()).isEqualTo(big.getUrl());
            assertThat(letters.get(1).getStage()).isEqualTo("deserialize");
            assertThat(letters.get(1).getInputOffset()).isEqualTo(1L);
            assertThat(letters.get(1).getOriginalValue().remaining()).as("original bytes kept, capped at 1 MiB")
                    .isEqualTo(1024 * 1024);
            assertThat(letters.get(1).getOriginalSize()).as("the input's own size").isEqualTo(corrupt.length);
            assertThat(streams.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        }
    }

    private static void createTopics(EmbeddedKafkaBroker kafka) throws Exception {
        Map<String, String> big = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(EIGHT_MB));
        List<NewTopic> topics = new ArrayList<>();
        for (String t : List.of(TOPICS.raw(), TOPICS.clean(), TOPICS.enriched(), TOPICS.dlq(), TOPICS.stats())) {
            topics.add(new NewTopic(t, 1, (short) 1).configs(big));
        }
        topics.add(new NewTopic(TOPICS.fingerprints(), 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT)));
        for (String id : Taxonomy.defaults().categoryIds()) {
            topics.add(new NewTopic(TOPICS.category(id), 1, (short) 1)); // broker default: about 1 MB per record
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static String longText(int bytes) {
        String[] words = {"the", "ministry", "river", "council", "budget", "school", "harbour", "weather", "court", "market"};
        Random random = new Random(3);
        StringBuilder sb = new StringBuilder(bytes + 100);
        while (sb.length() < bytes) {
            sb.append(words[random.nextInt(words.length)]).append(random.nextInt(100_000)).append(sb.length() % 97 == 0 ? ".\n" : " ");
        }
        return sb.toString();
    }

    private static KafkaProducer<String, byte[]> producer(EmbeddedKafkaBroker kafka) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EIGHT_MB);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Reads {@code topic} (read_committed) until {@code done} holds, for at most 90 s. */
    private static List<ConsumerRecord<String, byte[]>> readUntil(EmbeddedKafkaBroker kafka, String topic,
                                                               Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            while (!done.test(out) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        assertThat(done.test(out)).as("%s reached its expected records within 90 s (read %d)", topic, out.size()).isTrue();
        return out;
    }
}
