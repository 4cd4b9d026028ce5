package dev.khabar.console.bench;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.ProcessorRunner;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Articles published to news.raw at a steady rate; latency from publish to enriched (the enriched
 * record keeps the raw record's timestamp) at the consumer, p50/p99, and the throughput reached.
 */
final class EndToEndBenchmark {

    private EndToEndBenchmark() {
    }

    static void run(int rate, int seconds, int size, int partitions, PrintStream out) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            String bootstrap = broker.bootstrapServers();
            KhabarConfig config = new ConfigLoader().flag("kafka.bootstrap", bootstrap).flag("topics.prefix", "e2e.")
                    .flag("processor.application-id", "e2e-khabar").load();
            Topics t = config.topics();
            broker.createTopics(partitions, t.raw(), t.enriched(), t.clean(), t.dlq(), t.stats(), t.fingerprints(),
                    t.category("defence"), t.category("diplomacy"), t.category("vietnam-visit"));
            int total = rate * seconds;
            long[] latencies = new long[total];
            AtomicInteger received = new AtomicInteger();
            try (ProcessorRunner runner = ProcessorRunner.start(config, bootstrap, new SimpleMeterRegistry())) {
                BenchKafka.await(runner::isRunning, Duration.ofMinutes(1), "the processor to start");
                Thread reader = new Thread(() -> {
                    try (KafkaConsumer<String, byte[]> c = BenchKafka.consumer(bootstrap, t.enriched())) {
                        long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 120L).toNanos();
                        while (received.get() < total && System.nanoTime() < deadline) {
                            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(50))) {
                                int i = received.getAndIncrement();
                                if (i < total) {
                                    latencies[i] = System.currentTimeMillis() - r.timestamp();
                                }
                            }
                        }
                    }
                }, "e2e-reader");
                reader.start();
                AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class);
                long start = System.nanoTime();
                try (KafkaProducer<String, byte[]> producer = BenchKafka.producer(bootstrap)) {
                    for (int i = 0; i < total; i++) {
                        long due = start + (long) (i * (1e9 / rate));
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        RawArticle a = SyntheticArticles.article(i, size, Instant.now());
                        producer.send(new ProducerRecord<>(t.raw(), a.getId(), serde.encode(a)));
                    }
                    producer.flush();
                }
                reader.join();
                double elapsed = (System.nanoTime() - start) / 1e9;
                int n = Math.min(received.get(), total);
                long[] sorted = Arrays.copyOf(latencies, n);
                Arrays.sort(sorted);
                out.printf("offered %d articles/s of ~%d bytes for %d s (%d partitions)%n", rate, size, seconds, partitions);
                out.printf("enriched: %d of %d, %.0f articles/s%n", n, total, n / elapsed);
                out.printf("latency publish→enriched: p50 %d ms, p99 %d ms, max %d ms%n", percentile(sorted, 50),
                        percentile(sorted, 99), n == 0 ? 0 : sorted[n - 1]);
            }
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
