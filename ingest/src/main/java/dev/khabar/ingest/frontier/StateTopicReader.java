package dev.khabar.ingest.frontier;

import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.UrlState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the compacted ingest-state topic into {@link UrlStates} at start (blocking until it has
 * read to the end), then keeps tailing it on a daemon thread so other instances' fetches are
 * known here too.
 */
public final class StateTopicReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateTopicReader.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final UrlStates states;
    private final AvroSerde<UrlState> serde = AvroSerde.of(UrlState.class);
    private final Thread thread;
    private volatile boolean stopped;

    public StateTopicReader(String bootstrap, Map<String, Object> clientProperties, String topic, UrlStates states) {
        this.states = states;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "khabar-ingest-state");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long start = System.nanoTime();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
        }
        LOG.info("loaded {} URL states from {} in {} ms", states.size(), topic, (System.nanoTime() - start) / 1_000_000);
        thread = new Thread(this::tail, "khabar-ingest-state");
        thread.setDaemon(true);
        thread.start();
    }

    private void tail() {
        try {
            while (!stopped) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            states.remember(serde.decode(r.value()));
        } catch (RuntimeException e) {
            LOG.warn("skipping undecodable state record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        stopped = true;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
