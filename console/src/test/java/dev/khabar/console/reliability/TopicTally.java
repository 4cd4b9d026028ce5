package dev.khabar.console.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a downstream consumer sees: a {@code read_committed} consumer (no group) tails a topic
 * from the beginning on its own thread and counts records per key. Exactly-once means every
 * expected key is counted once — never zero, never twice.
 */
final class TopicTally implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    TopicTally(String bootstrap, String topic) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        thread = new Thread(this::run, "tally-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!stopped) {
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        counts.computeIfAbsent(r.key(), k -> new AtomicInteger()).incrementAndGet();
                        total.incrementAndGet();
                    }
                } catch (WakeupException e) {
                    return;
                } catch (KafkaException e) {
                    // the broker may be restarting under us: keep tailing
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    int distinct() {
        return counts.size();
    }

    long total() {
        return total.get();
    }

    int count(String key) {
        AtomicInteger n = counts.get(key);
        return n == null ? 0 : n.get();
    }

    /** Keys counted more than once. */
    List<String> duplicates() {
        List<String> out = new ArrayList<>();
        counts.forEach((k, n) -> {
            if (n.get() > 1) {
                out.add(k + " x" + n.get());
            }
        });
        return out;
    }

    /** Waits until {@code condition} holds, for at most {@code timeout}; true if it did. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public void close() {
        stopped = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
