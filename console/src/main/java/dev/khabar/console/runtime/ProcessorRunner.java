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
import dev.khabar.processor.topology.RecordLimits;
import dev.khabar.processor.topology.StreamsSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the processor topology as a Kafka Streams application and owns its lifecycle. Beside the
 * stream threads one watcher thread reloads the taxonomy when its file changes and rereads the
 * topics' record limits, so neither needs a restart.
 */
public final class ProcessorRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorRunner.class);

    private static final Duration TAXONOMY_CHECK = Duration.ofSeconds(5);

    private final KafkaStreams streams;
    /** The state directory when none is configured: made for this run, deleted by {@link #close()}. */
    private final Path temporaryStateDir;
    private final AtomicReference<TopicClassifier> classifier;
    /** The largest article and dead letter the topics take, asked for by the topology on every record. */
    private final AtomicReference<RecordLimits> limits;
    private final Admin admin;
    private final ScheduledExecutorService watcher;
    private final KhabarConfig config;

    // touched by the watcher thread only
    private List<String> categoryIds;
    private long taxonomySeen;
    /** Higher limits a reload found, taken one taxonomy check after the classifier swap. */
    private RecordLimits raiseTo;

    private volatile List<String> reloadedCategoryIds = List.of();

    private ProcessorRunner(KafkaStreams streams, AtomicReference<TopicClassifier> classifier,
                            AtomicReference<RecordLimits> limits, Admin admin, List<String> categoryIds,
                            KhabarConfig config, Path temporaryStateDir) {
        this.streams = streams;
        this.classifier = classifier;
        this.limits = limits;
        this.admin = admin;
        this.categoryIds = categoryIds;
        this.config = config;
        this.temporaryStateDir = temporaryStateDir;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "khabar-processor-watch");
            t.setDaemon(true);
            return t;
        });
        Path taxonomy = config.processor().taxonomy();
        if (taxonomy != null) {
            taxonomySeen = lastModified(taxonomy);
            long every = TAXONOMY_CHECK.toMillis();
            watcher.scheduleWithFixedDelay(() -> checkTaxonomy(taxonomy), every, every, TimeUnit.MILLISECONDS);
        }
        long every = config.processor().topicLimitsCheck().toMillis();
        watcher.scheduleWithFixedDelay(this::checkLimits, every, every, TimeUnit.MILLISECONDS);
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
        Admin admin = admin(config, bootstrap);
        try {
            AtomicReference<RecordLimits> limits = new AtomicReference<>(initialLimits(admin, config, taxonomy));
            var topology = NewsTopology.build(pc, pipeline, new ProcessorMetrics(meters), Clock.systemUTC(),
                    limits::get);
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
            return new ProcessorRunner(streams, classifier, limits, admin, taxonomy.categoryIds(), config,
                    config.processor().stateDir() == null ? stateDir : null);
        } catch (RuntimeException e) {
            admin.close(Duration.ofSeconds(5)); // no runner was made to close it
            throw e;
        }
    }

    /** The topics' record limits at start; the broker's defaults when they cannot be read. */
    private static RecordLimits initialLimits(Admin admin, KhabarConfig config, Taxonomy taxonomy) {
        RecordLimits initial;
        try {
            initial = readLimits(admin, config, taxonomy.categoryIds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            initial = RecordLimits.BROKER_DEFAULT;
        } catch (RuntimeException e) {
            LOG.warn("cannot read the topics' max.message.bytes ({}); articles and dead letters up to {}", e.toString(),
                    RecordLimits.BROKER_DEFAULT);
            initial = RecordLimits.BROKER_DEFAULT;
        }
        LOG.info("articles up to {} bytes, dead letters up to {} (the topics' max.message.bytes, read again every {})",
                initial.article(), initial.deadLetter(), config.processor().topicLimitsCheck());
        return initial;
    }

    /** Reloads the taxonomy when its file changed; an invalid file is reported and the old taxonomy kept. */
    private void checkTaxonomy(Path file) {
        if (raiseTo != null) {
            // articles the old classifier routed to a dropped category's smaller topic are long written by now
            limits.set(raiseTo);
            raiseTo = null;
        }
        long modified = lastModified(file);
        if (modified == taxonomySeen) {
            return;
        }
        taxonomySeen = modified;
        Taxonomy next;
        try {
            next = Taxonomy.load(file);
        } catch (RuntimeException e) {
            LOG.error("taxonomy {} is invalid, keeping the previous one: {}", file, e.getMessage());
            return;
        }
        try {
            // a new category's topic exists, and the limits allow for it, before anything is routed to it
            TopicSetup.ensure(admin, config.topics(), next.categoryIds(), config.kafka().partitions(),
                    config.kafka().replicationFactor());
            RecordLimits after = readLimits(admin, config, next.categoryIds());
            RecordLimits now = limits.get();
            RecordLimits lower = new RecordLimits(Math.min(now.article(), after.article()),
                    Math.min(now.deadLetter(), after.deadLetter()));
            limits.set(lower);
            raiseTo = lower.equals(after) ? null : after;
            reload(next);
            categoryIds = next.categoryIds();
            LOG.warn("taxonomy reloaded from {}: {}", file, next.categoryIds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the broker, not the file: the previous taxonomy stays, and the next check tries again
            taxonomySeen = Long.MIN_VALUE;
            LOG.warn("cannot prepare the topics of taxonomy {} ({}); keeping the previous one and trying again", file,
                    e.getMessage());
        }
    }

    /**
     * Reads the topics' limits again: an operator who lowers a topic's {@code max.message.bytes} while
     * the processor runs would otherwise make every larger article fail its task (and be replayed)
     * until a restart. When a limit cannot be read, the current ones stay.
     */
    private void checkLimits() {
        if (raiseTo != null) {
            return; // a reload's raise is due first, at the next taxonomy check
        }
        try {
            RecordLimits read = readLimits(admin, config, categoryIds);
            RecordLimits before = limits.getAndSet(read);
            if (!read.equals(before)) {
                LOG.warn("the topics' record limits changed: articles up to {} bytes (was {}), dead letters up to {} (was {})",
                        read.article(), before.article(), read.deadLetter(), before.deadLetter());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the topics' max.message.bytes, keeping {}: {}", limits.get(), e.toString());
        }
    }

    private static RecordLimits readLimits(Admin admin, KhabarConfig config, List<String> categoryIds)
            throws InterruptedException {
        RecordLimits read = TopicSetup.recordLimits(admin, config.topics(), categoryIds, StreamsSettings.MAX_REQUEST_BYTES);
        LOG.debug("articles up to {} bytes, dead letters up to {} (the topics' max.message.bytes)", read.article(),
                read.deadLetter());
        return read;
    }

    private static Admin admin(KhabarConfig config, String bootstrap) {
        Map<String, Object> props = new HashMap<>(config.kafka().clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
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

    /** Swaps in a new taxonomy; articles processed after this use it. */
    public void reload(Taxonomy taxonomy) {
        classifier.set(new TopicClassifier(taxonomy));
        reloadedCategoryIds = taxonomy.categoryIds();
    }

    /** The categories of the taxonomy in use since the last reload (empty before any reload). */
    public List<String> reloadedCategoryIds() {
        return reloadedCategoryIds;
    }

    /** The record limits in use now. */
    public RecordLimits limits() {
        return limits.get();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING || streams.state() == KafkaStreams.State.REBALANCING;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        try {
            watcher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // leave the group at once, so the other instances take over this one's partitions now rather than
        // after the session timeout
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        admin.close(Duration.ofSeconds(5));
        if (temporaryStateDir != null) {
            try {
                Utils.delete(temporaryStateDir.toFile());
            } catch (IOException e) {
                LOG.warn("could not delete the temporary state directory {}: {}", temporaryStateDir, e.toString());
            }
        }
    }
}
