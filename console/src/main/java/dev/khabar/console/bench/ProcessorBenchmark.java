package dev.khabar.console.bench;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.ProcessorRunner;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.processor.classify.TopicClassifier;
import dev.khabar.processor.clean.TextCleaner;
import dev.khabar.processor.enrich.ArticleEnricher;
import dev.khabar.processor.pipeline.ArticlePipeline;
import dev.khabar.processor.topology.ProcessorConfig;
import dev.khabar.processor.topology.StreamsSettings;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The whole processor against a pass-through topology (source → sink, exactly-once) over the same
 * input on the same embedded broker, in one run: the ratio is what clean+classify+enrich+route cost.
 */
final class ProcessorBenchmark {

    private static final int WARM_UP_SECONDS = 20;

    private ProcessorBenchmark() {
    }

    /** Runs the plain pipeline over synthetic articles for {@code time}; returns how many it processed. */
    private static long warmUp(Duration time, int size) {
        TopicClassifier classifier = new TopicClassifier(Taxonomy.defaults());
        ArticlePipeline pipeline = new ArticlePipeline(TextCleaner.defaults(), () -> classifier,
                ArticleEnricher.defaults(), Clock.systemUTC());
        Instant now = Instant.now();
        long deadline = System.nanoTime() + time.toNanos();
        long n = 0;
        while (System.nanoTime() < deadline) {
            pipeline.process(SyntheticArticles.article((int) (n++ % 512), size, now));
        }
        return n;
    }

    static void run(int articles, int size, int partitions, PrintStream out) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            String bootstrap = broker.bootstrapServers();
            KhabarConfig config = new ConfigLoader().flag("kafka.bootstrap", bootstrap).flag("topics.prefix", "bench.")
                    .flag("processor.application-id", "bench-khabar").load();
            Topics t = config.topics();
            broker.createTopics(partitions, t.raw(), t.enriched(), t.clean(), t.dlq(), t.stats(), t.fingerprints(),
                    "bench.passthrough", t.category("defence"), t.category("diplomacy"), t.category("vietnam-visit"));
            out.printf("producing %d synthetic articles of ~%d chars to %s (%d partitions)%n", articles, size, t.raw(),
                    partitions);
            BenchKafka.produce(bootstrap, t.raw(), articles, size);

            StreamsBuilder b = new StreamsBuilder();
            b.stream(t.raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                    .to("bench.passthrough", Produced.with(Serdes.String(), Serdes.ByteArray()));
            double passRate;
            try (KafkaStreams pass = new KafkaStreams(b.build(), StreamsSettings.properties(bootstrap,
                    new ProcessorConfig(t, "bench-passthrough"), Files.createTempDirectory("bench-pass").toString(),
                    Map.of()))) {
                pass.start();
                passRate = BenchKafka.rate(bootstrap, "bench.passthrough", articles, Duration.ofMinutes(10), r -> { });
                pass.close(Duration.ofSeconds(10));
            }
            out.printf("pass-through (exactly-once): %,.0f records/s%n", passRate);

            // JIT warm-up, as JMH does: the processor's own code would otherwise be compiled while it is measured
            // (on a two-core machine the compiler takes most of a core for the first ~20 s)
            long warmed = warmUp(Duration.ofSeconds(WARM_UP_SECONDS), size);
            out.printf("warm-up: %,d articles through clean+enrich+classify in %d s%n", warmed, WARM_UP_SECONDS);
            double khabarRate;
            try (ProcessorRunner runner = ProcessorRunner.start(config, bootstrap, new SimpleMeterRegistry())) {
                khabarRate = BenchKafka.rate(bootstrap, t.enriched(), articles, Duration.ofMinutes(10), r -> { });
            }
            out.printf("khabar processor:           %,.0f records/s%n", khabarRate);
            out.printf("ratio khabar/pass-through:  %.2f%n", khabarRate / passRate);
        }
    }
}
