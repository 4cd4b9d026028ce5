package dev.khabar.processor.topology;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

/** The Kafka Streams properties Khabar runs with: exactly-once v2 and explicit error handlers. */
public final class StreamsSettings {

    /** The producer's largest request: what news.raw and news.dlq take as Khabar creates them. */
    public static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;

    /** The producer's batch per partition: many articles per request. */
    static final int BATCH_BYTES = 512 * 1024;

    private StreamsSettings() {
    }

    /**
     * @param clientProperties raw client properties (security, tuning) applied last, so an operator can
     *                         override anything except the processing guarantee
     */
    public static Properties properties(String bootstrap, ProcessorConfig config, String stateDir,
                                        Map<String, Object> clientProperties) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Our own stage decodes the raw bytes and routes failures to the DLQ with their position;
        // these handlers are set explicitly so nothing depends on library defaults.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DefaultProductionExceptionHandler.class);
        // a dead letter carries up to 1 MiB of its input, more than the 1 MiB producer default allows;
        // news.dlq as Khabar creates it takes 8 MB records
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_REQUEST_BYTES);
        // One request in flight per connection: with transactions v2 a broker rejects a transaction's later batches
        // that overtake its first one (retriable OutOfOrderSequence, KAFKA-18202), and each retry stalls the task.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        // With one request in flight, a request must carry many records: the 16 KB default batch holds one
        // enriched article (5–20 KB), so each round trip would move one article per partition.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), BATCH_BYTES);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10);
        p.putAll(clientProperties);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return p;
    }
}
