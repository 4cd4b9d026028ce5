package dev.khabar.ingest.publish;

import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.RawArticle;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@link RawArticle}s to the raw topic, keyed by article id, with an idempotent
 * producer ({@code acks=all}): a retried send never duplicates a record.
 */
public final class ArticlePublisher implements AutoCloseable {

    private final Producer<String, RawArticle> producer;
    private final String topic;

    public ArticlePublisher(Producer<String, RawArticle> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** A Kafka producer for {@code bootstrap}, plus any raw client properties (security, tuning). */
    public static ArticlePublisher create(String bootstrap, Map<String, Object> clientProperties, String topic) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "khabar-ingest");
        AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class);
        return new ArticlePublisher(new KafkaProducer<>(props, new StringSerializer(), serde.serializer()), topic);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void publish(RawArticle article, Duration timeout) throws PublishException {
        try {
            producer.send(new ProducerRecord<>(topic, article.getId(), article)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing " + article.getUrl(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PublishException("cannot publish " + article.getUrl() + " to " + topic + ": " + cause, cause);
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** A publish that the broker did not acknowledge. */
    public static final class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
