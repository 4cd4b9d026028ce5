package dev.khabar.console.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics without a consumer group (it assigns every partition itself), only committed
 * records ({@code read_committed}), from the beginning or from now. Runs on the caller's thread
 * until {@link #stop()}.
 */
public final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private volatile boolean stopped;

    public TopicTail(String bootstrap, Map<String, Object> clientProperties, Collection<String> topics,
                     boolean fromBeginning) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "khabar-tail");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist");
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // fix the starting point now, before anything is produced
    }

    /** Calls {@code handler} with (topic, record) for each record until {@link #stop()} or {@code until} says so. */
    public void run(BiConsumer<String, ConsumerRecord<String, byte[]>> handler, java.util.function.BooleanSupplier until) {
        try {
            while (!stopped && !until.getAsBoolean()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    handler.accept(r.topic(), r);
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        }
    }

    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
