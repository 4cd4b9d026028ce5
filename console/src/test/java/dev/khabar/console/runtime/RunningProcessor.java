package dev.khabar.console.runtime;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the tests of a running {@link ProcessorRunner} share: raw articles in, decoded records out. */
final class RunningProcessor {

    private RunningProcessor() {
    }

    /** A producer of raw records that takes records as large as Khabar's article topics do. */
    static KafkaProducer<String, byte[]> producer(EmbeddedKafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.ARTICLE_MAX_MESSAGE_BYTES),
                new StringSerializer(), new ByteArraySerializer());
    }

    static void send(KafkaProducer<String, byte[]> producer, KhabarConfig config, String url, String title, String text)
            throws Exception {
        RawArticle a = RawArticle.newBuilder().setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url)
                .setSourceId("t").setFetchedAt(Instant.now()).setHttpStatus(200).setTitle(title).setText(text)
                .setExtractorVersion("t").build();
        producer.send(new ProducerRecord<>(config.topics().raw(), a.getId(), AvroSerde.of(RawArticle.class).encode(a))).get();
    }

    /** The first {@code n} records of a topic, decoded; fewer when they do not come within a minute. */
    static <T> List<T> read(KhabarConfig config, String topic, int n, Function<byte[], T> decode) {
        List<T> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (TopicTail tail = new TopicTail(config.kafka().bootstrap(), Map.of(), List.of(topic), true)) {
            tail.run((t, r) -> out.add(decode.apply(r.value())), () -> out.size() >= n || System.nanoTime() > deadline);
        }
        return out;
    }
}
