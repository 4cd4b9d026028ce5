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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the processor topology as a Kafka Streams application and owns its lifecycle. */
public final class ProcessorRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorRunner.class);

    private static final Duration RELOAD_CHECK = Duration.ofSeconds(5);

    private final KafkaStreams streams;
    /** The state directory when none is configured: made for this run, deleted by {@link #close()}. */
    private final Path temporaryStateDir;
    private final AtomicReference<TopicClassifier> classifier;
    /** The largest article the article topics take; lowered before a reload routes to a smaller topic. */
    private final java.util.concurrent.atomic.AtomicInteger articleLimit;
    private final java.util.concurrent.ScheduledExecutorService reloader;

    private final KhabarConfig config;
    private final String bootstrap;

    private ProcessorRunner(KafkaStreams streams, AtomicReference<TopicClassifier> classifier,
                            java.util.concurrent.atomic.AtomicInteger articleLimit, KhabarConfig config,
                            String bootstrap, Path temporaryStateDir) {
        this.streams = streams;
        this.articleLimit = articleLimit;
        this.temporaryStateDir = temporaryStateDir;
        this.classifier = classifier;
        this.config = config;
        this.bootstrap = bootstrap;
        this.reloader = config.processor().taxonomy() == null ? null : watch(config.processor().taxonomy());
    }

    /** Reloads the taxonomy when its file changes; an invalid file is reported and the old taxonomy kept. */
    private java.util.concurrent.ScheduledExecutorService watch(Path file) {
        var exec = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "khabar-taxonomy-reload");
            t.setDaemon(true);
            return t;
        });
        long[] seen = {lastModified(file)};
        int[] raiseLimitTo = {0};
        exec.scheduleWithFixedDelay(() -> {
            // a higher limit (a small category dropped) is taken one check after the swap: articles the old
            // classifier routed to the dropped category's topic are long written by then
            if (raiseLimitTo[0] > 0) {
                articleLimit.set(raiseLimitTo[0]);
                raiseLimitTo[0] = 0;
            }
            long now = lastModified(file);
            if (now != seen[0]) {
                seen[0] = now;
                try {
                    Taxonomy next = Taxonomy.load(file);
                    int limit = ensureCategoryTopics(next);
                    if (limit < articleLimit.get()) {
                        articleLimit.set(limit); // lowered before the new classifier routes anything there
                    } else {
                        raiseLimitTo[0] = limit;
                    }
                    reload(next);
                    LOG.warn("taxonomy reloaded from {}: {}", file, next.categoryIds());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.error("taxonomy {} is invalid, keeping the previous one: {}", file, e.getMessage());
                }
            }
        }, RELOAD_CHECK.toMillis(), RELOAD_CHECK.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return exec;
    }

    /**
     * Creates the taxonomy's category topics, so a new category's exists before anything is routed to
     * it, and returns the article limit over them all.
     */
    private int ensureCategoryTopics(Taxonomy taxonomy) throws InterruptedException {
        try (Admin admin = admin(config, bootstrap)) {
            TopicSetup.ensure(admin, config.topics(), taxonomy.categoryIds(), config.kafka().partitions(),
                    config.kafka().replicationFactor());
            return articleRecordLimit(admin, config, taxonomy.categoryIds());
        }
    }

    private static Admin admin(KhabarConfig config, String bootstrap) {
        Map<String, Object> props = new HashMap<>(config.kafka().clientProperties());
        props.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    public static Taxonomy taxonomy(KhabarConfig config) {
        Path file = config.processor().taxonomy();
        return file == null ? Taxonomy.defaults() : Taxonomy.load(file);
    }

    public static ProcessorRunner start(KhabarConfig config, String bootstrap, MeterRegistry meters) {
        Taxonomy taxonomy = taxonomy(config);
        AtomicReference<TopicClassifier> classifier = new AtomicReference<>(new TopicClassifier(taxonomy));
        ArticlePipeline pipeline = new ArticlePipeline(TextCleaner.defaults(), classifier::get,
                ArticleEnricher.defaults(), Clock.systemUTC());
        ProcessorConfig pc = config.processor().toProcessorConfig(config.topics());
        java.util.concurrent.atomic.AtomicInteger articleLimit = new java.util.concurrent.atomic.AtomicInteger();
        try (Admin admin = admin(config, bootstrap)) {
            articleLimit.set(articleRecordLimit(admin, config, taxonomy.categoryIds()));
        }
        var topology = NewsTopology.build(pc, pipeline, new ProcessorMetrics(meters), Clock.systemUTC(), articleLimit::get);
        Path stateDir = stateDir(config);
        // clean+classify+enrich is CPU work: one stream thread per core unless the operator says otherwise
        // (processor.threads, or num.stream.threads among the client properties)
        Map<String, Object> clientProperties = new HashMap<>(config.kafka().clientProperties());
        clientProperties.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.processor().streamThreads());
        KafkaStreams streams = new KafkaStreams(topology,
                StreamsSettings.properties(bootstrap, pc, stateDir.toString(), clientProperties));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return new ProcessorRunner(streams, classifier, articleLimit, config, bootstrap,
                config.processor().stateDir() == null ? stateDir : null);
    }

    /**
     * The largest article the article topics take (their smallest {@code max.message.bytes}); the
     * broker's default when they cannot be described. Categories added later get topics of Khabar's
     * own size ({@link TopicSetup#ARTICLE_MAX_MESSAGE_BYTES}).
     */
    private static int articleRecordLimit(Admin admin, KhabarConfig config, java.util.List<String> categoryIds) {
        try {
            int limit = TopicSetup.articleRecordLimit(admin, config.topics(), categoryIds, StreamsSettings.MAX_REQUEST_BYTES);
            LOG.info("articles up to {} bytes (the article topics' max.message.bytes); larger ones become dead letters",
                    limit);
            return limit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProcessorConfig.DEFAULT_MAX_ARTICLE_BYTES;
        } catch (RuntimeException e) {
            LOG.warn("cannot read the article topics' max.message.bytes ({}); articles up to {} bytes", e.toString(),
                    ProcessorConfig.DEFAULT_MAX_ARTICLE_BYTES);
            return ProcessorConfig.DEFAULT_MAX_ARTICLE_BYTES;
        }
    }

    private static Path stateDir(KhabarConfig config) {
        try {
            Path configured = config.processor().stateDir();
            return configured != null ? Files.createDirectories(configured) : Files.createTempDirectory("khabar-streams");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka Streams state directory", e);
        }
    }

    private volatile java.util.List<String> categoryIds = java.util.List.of();

    /** Swaps in a new taxonomy; articles processed after this use it. */
    public void reload(Taxonomy taxonomy) {
        classifier.set(new TopicClassifier(taxonomy));
        categoryIds = taxonomy.categoryIds();
    }

    /** The categories of the taxonomy in use since the last reload (empty before any reload). */
    public java.util.List<String> reloadedCategoryIds() {
        return categoryIds;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING || streams.state() == KafkaStreams.State.REBALANCING;
    }

    @Override
    public void close() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
        // leave the group at once, so the other instances take over this one's partitions now rather than
        // after the session timeout
        streams.close(org.apache.kafka.streams.CloseOptions
                .groupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        if (temporaryStateDir != null) {
            try {
                org.apache.kafka.common.utils.Utils.delete(temporaryStateDir.toFile());
            } catch (IOException e) {
                LOG.warn("could not delete the temporary state directory {}: {}", temporaryStateDir, e.toString());
            }
        }
    }
}
