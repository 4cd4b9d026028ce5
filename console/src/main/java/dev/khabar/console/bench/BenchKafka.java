package dev.khabar.console.bench;

import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.RawArticle;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producing synthetic input and counting committed output, for the benchmarks. */
final class BenchKafka {

    private BenchKafka() {
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes {@code n} synthetic articles of about {@code size} characters to {@code topic}. */
    static void produce(String bootstrap, String topic, int n, int size) {
        AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class);
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < n; i++) {
                RawArticle a = SyntheticArticles.article(i, size, now);
                producer.send(new ProducerRecord<>(topic, a.getId(), serde.encode(a)));
            }
            producer.flush();
        }
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrap, String topic) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        c.assign(parts);
        c.seekToBeginning(parts);
        return c;
    }

    /**
     * Counts committed records on {@code topic} until {@code n} arrived; returns the records/s
     * between the first and the n-th arrival (start-up and rebalancing are not counted).
     */
    static double rate(String bootstrap, String topic, int n, Duration timeout, Consumer<ConsumerRecord<String, byte[]>> each) {
        long first = 0;
        long last = 0;
        int seen = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrap, topic)) {
            while (seen < n && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                    if (seen == 0) {
                        first = System.nanoTime();
                    }
                    seen++;
                    last = System.nanoTime();
                    each.accept(r);
                }
            }
        }
        if (seen < n) {
            throw new IllegalStateException("only " + seen + " of " + n + " records reached " + topic + " in " + timeout);
        }
        return (n - 1) / ((last - first) / 1e9);
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** CPU time this JVM has used so far, all threads (the embedded broker and local servers included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Milliseconds the JIT compiler threads have worked so far: what they take during a measured span is
     * CPU the measured code did not get (on two cores the compiler's queue drains for minutes).
     */
    static long compilerMillis() {
        var compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }

    static long usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
