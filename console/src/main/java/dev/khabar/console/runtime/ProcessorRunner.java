package dev.khabar.console.runtime;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.processor.classify.TopicClassifier;
import dev.khabar.processor.clean.TextCleaner;
import dev.khabar.processor.enrich.ArticleEnricher;
import dev.khabar.processor.error.ProcessorMetrics;
import dev.khabar.processor.pipeline.ArticlePipeline;
import dev.khabar.processor.topology.NewsTopology;
import dev.khabar.processor.topology.ProcessorConfig;
import dev.khabar.processor.topology.StreamsSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the processor topology as a Kafka Streams application and owns its lifecycle. */
public final class ProcessorRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorRunner.class);

    private final KafkaStreams streams;
    private final AtomicReference<TopicClassifier> classifier;

    private ProcessorRunner(KafkaStreams streams, AtomicReference<TopicClassifier> classifier) {
        this.streams = streams;
        this.classifier = classifier;
    }

    public static Taxonomy taxonomy(KhabarConfig config) {
        Path file = config.processor().taxonomy();
        return file == null ? Taxonomy.defaults() : Taxonomy.load(file);
    }

    public static ProcessorRunner start(KhabarConfig config, String bootstrap, MeterRegistry meters) {
        AtomicReference<TopicClassifier> classifier = new AtomicReference<>(new TopicClassifier(taxonomy(config)));
        ArticlePipeline pipeline = new ArticlePipeline(TextCleaner.defaults(), classifier::get,
                ArticleEnricher.defaults(), Clock.systemUTC());
        ProcessorConfig pc = config.processor().toProcessorConfig(config.topics());
        var topology = NewsTopology.build(pc, pipeline, new ProcessorMetrics(meters), Clock.systemUTC());
        String stateDir = stateDir(config).toString();
        KafkaStreams streams = new KafkaStreams(topology,
                StreamsSettings.properties(bootstrap, pc, stateDir, config.kafka().clientProperties()));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return new ProcessorRunner(streams, classifier);
    }

    private static Path stateDir(KhabarConfig config) {
        try {
            Path configured = config.processor().stateDir();
            return configured != null ? Files.createDirectories(configured) : Files.createTempDirectory("khabar-streams");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka Streams state directory", e);
        }
    }

    /** Swaps in a new taxonomy; articles processed after this use it. */
    public void reload(Taxonomy taxonomy) {
        classifier.set(new TopicClassifier(taxonomy));
    }

    public KafkaStreams streams() {
        return streams;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING || streams.state() == KafkaStreams.State.REBALANCING;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
