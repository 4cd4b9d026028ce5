package dev.khabar.console.dashboard;

import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The dead-letter topic as it is now: every committed record from the beginning up to the end
 * offsets seen when reading starts (records arriving meanwhile wait for the next read), without a
 * consumer group.
 */
public final class DeadLetterLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A dead letter and where it sits on the DLQ; {@code letter} is null when the record is not a DeadLetter. */
    public record Entry(int partition, long offset, byte[] key, DeadLetter letter, String undecodable) {
        public String position() {
            return DeadLetterView.position(partition, offset);
        }
    }

    private final Map<String, Object> props;
    private final String topic;

    public DeadLetterLog(String bootstrap, Map<String, Object> clientProperties, String topic) {
        this.props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "khabar-dlq");
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    public int partitions() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return partitions(consumer).size();
        }
    }

    /** Calls {@code each} for every record now on the topic, partition by partition, oldest first. */
    public void read(Consumer<Entry> each) {
        AvroSerde<DeadLetter> serde = AvroSerde.of(DeadLetter.class);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // the last stable offsets, read_committed
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT.toSeconds() + " s");
                }
                List<Entry> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    try {
                        batch.add(new Entry(r.partition(), r.offset(), r.key(), serde.decode(r.value()), null));
                    } catch (SerializationException e) {
                        batch.add(new Entry(r.partition(), r.offset(), r.key(), null, e.getMessage()));
                    }
                }
                batch.forEach(each);
            }
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist");
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
