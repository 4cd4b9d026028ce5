package dev.khabar.ingest.frontier;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fetch worker's transactional producer, and what to do when a transaction fails: abort it, or,
 * when even the abort cannot reach the broker, replace the producer — the new one, with the same
 * transactional id, completes or aborts whatever the old one left open once the broker is back.
 */
final class TransactionalProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalProducer.class);

    private final Map<String, Object> properties;
    private final BooleanSupplier stopped;
    private KafkaProducer<String, byte[]> producer;

    /** @param properties complete producer properties, transactional id included */
    TransactionalProducer(Map<String, Object> properties, BooleanSupplier stopped) {
        this.properties = Map.copyOf(properties);
        this.stopped = stopped;
        this.producer = new KafkaProducer<>(this.properties, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    KafkaProducer<String, byte[]> get() {
        return producer;
    }

    /** Aborts the open transaction, replacing the producer if the abort itself fails. */
    void abortOrReplace() {
        try {
            producer.abortTransaction();
            return;
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("abort failed ({}); replacing the transactional producer", e.toString());
        }
        producer.close(Duration.ZERO);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        while (!stopped.getAsBoolean()) {
            try {
                producer.initTransactions();
                return;
            } catch (TimeoutException e) {
                LOG.warn("initTransactions timed out, retrying: {}", e.getMessage());
            } catch (InterruptException e) {
                return; // closing
            }
        }
    }

    /** Why a send failed, when its future says so (a record too large fails its send, not the commit). */
    static Optional<KafkaException> sendFailure(Future<RecordMetadata> send) {
        if (send == null || !send.isDone()) {
            return Optional.empty();
        }
        try {
            send.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            return e.getCause() instanceof KafkaException k ? Optional.of(k) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A record no retry can make fit: over the producer's or the topic's size limit. */
    static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
