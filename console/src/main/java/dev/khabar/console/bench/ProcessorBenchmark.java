package dev.khabar.console.bench;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.ProcessorRunner;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.processor.topology.ProcessorConfig;
import dev.khabar.processor.topology.StreamsSettings;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The whole processor against a pass-through topology (source → sink, exactly-once) over the same
 * input on the same embedded broker, in one run: the ratio is what clean+classify+enrich+route cost.
 *
 * <p>As JMH does, each contender first runs over warm-up sets of topics of its own (one run per
 * warm-up round), so the JIT has compiled its code (the processor's, the Streams client's, Avro's
 * and the broker's paths) before it is measured. Code that runs once per record reaches the
 * optimising compiler only after some 15,000 records, and on two cores the one C2 compiler thread
 * works through its queue for minutes: the compiler's time is printed for every round.
 */
final class ProcessorBenchmark {

    private ProcessorBenchmark() {
    }

    /**
     * @param externalBootstrap a broker of its own (another JVM, e.g. {@code khabar broker}) to run against,
     *                          or null to start the embedded broker in this JVM
     */
    static void run(int articles, int warmArticles, int warmUpRounds, int size, int partitions,
            Map<String, String> properties, String externalBootstrap, PrintStream out) throws Exception {
        EmbeddedKafkaBroker broker = externalBootstrap == null ? EmbeddedKafkaBroker.builder().build().start() : null;
        try {
            String bootstrap = broker == null ? externalBootstrap : broker.bootstrapServers();
            // a broker of its own may hold an earlier run's topics: this run's have names of their own
            String run = broker == null ? "run" + System.currentTimeMillis() + "." : "";
            List<KhabarConfig> warm = new java.util.ArrayList<>();
            for (int round = 1; round <= warmUpRounds; round++) {
                warm.add(config(bootstrap, run + "warm" + round + ".", properties));
            }
            KhabarConfig bench = config(bootstrap, run + "bench.", properties);
            List<KhabarConfig> all = new java.util.ArrayList<>(warm);
            all.add(bench);
            for (KhabarConfig c : all) {
                Topics t = c.topics();
                createTopics(broker, bootstrap, partitions, t.raw(), t.enriched(), t.clean(), t.dlq(), t.stats(),
                        t.fingerprints(), passThroughTopic(c), t.category("defence"), t.category("diplomacy"),
                        t.category("vietnam-visit"));
            }
            out.printf("producing %d synthetic articles of ~%d bytes to %s and %d to each of %d warm-up rounds' topics"
                    + " (%d partitions)%n", articles, size, bench.topics().raw(), warmArticles, warmUpRounds, partitions);
            BenchKafka.produce(bootstrap, bench.topics().raw(), articles, size);
            for (KhabarConfig c : warm) {
                BenchKafka.produce(bootstrap, c.topics().raw(), warmArticles, size);
            }

            // each warm-up round is a run of its own over topics of its own, discarded; the compiler's time in
            // each shows whether the JIT has settled before the measured run
            for (int round = 0; round < warm.size(); round++) {
                long compiling = BenchKafka.compilerMillis();
                double rate = passThrough(bootstrap, warm.get(round), warmArticles);
                out.printf("  warm-up %d, pass-through: %,.0f records/s (JIT compiler %,d ms)%n", round + 1, rate,
                        BenchKafka.compilerMillis() - compiling);
            }
            long compiling = BenchKafka.compilerMillis();
            double passRate = passThrough(bootstrap, bench, articles);
            out.printf("pass-through (exactly-once): %,.0f records/s (JIT compiler %,d ms meanwhile)%n", passRate,
                    BenchKafka.compilerMillis() - compiling);

            for (int round = 0; round < warm.size(); round++) {
                compiling = BenchKafka.compilerMillis();
                double rate = processor(bootstrap, warm.get(round), warmArticles);
                out.printf("  warm-up %d, processor: %,.0f records/s (JIT compiler %,d ms)%n", round + 1, rate,
                        BenchKafka.compilerMillis() - compiling);
            }
            compiling = BenchKafka.compilerMillis();
            double khabarRate = processor(bootstrap, bench, articles);
            out.printf("khabar processor:           %,.0f records/s (JIT compiler %,d ms meanwhile)%n", khabarRate,
                    BenchKafka.compilerMillis() - compiling);
            out.printf("ratio khabar/pass-through:  %.2f%n", khabarRate / passRate);
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static void createTopics(EmbeddedKafkaBroker broker, String bootstrap, int partitions, String... names)
            throws Exception {
        if (broker != null) {
            broker.createTopics(partitions, names);
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(java.util.Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList())
                    .all().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static KhabarConfig config(String bootstrap, String prefix, Map<String, String> properties) {
        ConfigLoader loader = new ConfigLoader().flag("kafka.bootstrap", bootstrap).flag("topics.prefix", prefix)
                .flag("processor.application-id", prefix + "khabar");
        properties.forEach(loader::clientProperty);
        return loader.load();
    }

    private static String passThroughTopic(KhabarConfig config) {
        return config.topics().raw() + "-passthrough";
    }

    /** Copies the raw topic to another, exactly-once, and returns records/s. */
    private static double passThrough(String bootstrap, KhabarConfig config, int articles) throws Exception {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(config.topics().raw(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(passThroughTopic(config), Produced.with(Serdes.String(), Serdes.ByteArray()));
        java.nio.file.Path stateDir = Files.createTempDirectory("bench-pass");
        // as many stream threads as the processor runs (processor.threads)
        Map<String, Object> clientProperties = new java.util.HashMap<>(config.kafka().clientProperties());
        clientProperties.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.processor().streamThreads());
        try (KafkaStreams pass = new KafkaStreams(b.build(), StreamsSettings.properties(bootstrap,
                new ProcessorConfig(config.topics(), config.topics().raw() + "-passthrough-app"),
                stateDir.toString(), clientProperties))) {
            pass.start();
            double rate = BenchKafka.rate(bootstrap, passThroughTopic(config), articles, Duration.ofMinutes(10), r -> { });
            pass.close(Duration.ofSeconds(10));
            return rate;
        } finally {
            org.apache.kafka.common.utils.Utils.delete(stateDir.toFile());
        }
    }

    /** Runs the processor as {@code khabar processor} does and returns the records/s reaching news.enriched. */
    private static double processor(String bootstrap, KhabarConfig config, int articles) throws Exception {
        try (ProcessorRunner runner = ProcessorRunner.start(config, bootstrap, new SimpleMeterRegistry())) {
            return BenchKafka.rate(bootstrap, config.topics().enriched(), articles, Duration.ofMinutes(10), r -> { });
        }
    }
}
