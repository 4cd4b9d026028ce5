package dev.khabar.ingest.frontier;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;

/**
 * A partition's end offset counting the records of open transactions (its high watermark), which a
 * {@code read_committed} consumer cannot tell: above the last stable offset, a transaction is still
 * open there. Failures are Kafka's own exceptions, retriable ones (a broker away, a timeout) among them.
 */
final class HighWatermarks implements ToLongFunction<TopicPartition>, AutoCloseable {

    /** The longest look-up; a reader closing waits for one. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;

    HighWatermarks(String bootstrap, Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "khabar-ingest-state-admin");
        this.admin = Admin.create(props);
    }

    @Override
    public long applyAsLong(TopicPartition tp) {
        try {
            ListOffsetsOptions options = new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED);
            options.timeoutMs((int) TIMEOUT.toMillis());
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest()), options).partitionResult(tp)
                    .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).offset();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("listing the end offset of " + tp + " timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
