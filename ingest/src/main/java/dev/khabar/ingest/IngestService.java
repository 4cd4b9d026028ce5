package dev.khabar.ingest;

import dev.khabar.ingest.extract.ArticleExtractor;
import dev.khabar.ingest.fetch.AddressGuard;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.fetch.PageFetcher;
import dev.khabar.ingest.fetch.RobotsRules;
import dev.khabar.ingest.frontier.FrontierWorker;
import dev.khabar.ingest.frontier.StateTopicReader;
import dev.khabar.ingest.frontier.UrlProcessor;
import dev.khabar.ingest.frontier.SiteKeys;
import dev.khabar.ingest.frontier.UrlStates;
import dev.khabar.ingest.source.Discovered;
import dev.khabar.ingest.source.DiscoveryException;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceScanner;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.FrontierEntry;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest as a Kafka application: discovery puts article URLs on the frontier topic (keyed by
 * host); fetch workers in one consumer group share it across threads and instances; URL state
 * lives in a compacted topic; every URL's outcome goes to the fetch log.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /**
     * @param groupId    consumer group of every ingest instance sharing the frontier
     * @param instanceId unique and stable per instance (transactional ids derive from it)
     * @param stateDir   where URL states are kept off the heap (a RocksDB in {@code url-states-<instance id>}
     *                   under it, emptied at start and deleted at close), or null to keep them in the heap
     */
    public record Options(String groupId, String instanceId, int threads, FetchSettings fetch, Duration maxCrawlDelay,
                          Path stateDir) {
        public Options(String groupId, String instanceId, int threads, FetchSettings fetch, Duration maxCrawlDelay) {
            this(groupId, instanceId, threads, fetch, maxCrawlDelay, null);
        }
    }

    private final Topics topics;
    private final List<Source> sources;
    private final SourceScanner scanner;
    private final KafkaProducer<String, byte[]> discoveryProducer;
    private final StateTopicReader stateReader;
    private final UrlStates states;
    private final List<FrontierWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closing;
    private final ExecutorService fetchPool;
    private final PageFetcher fetcher;
    private final Clock clock;
    private final AvroSerde<FrontierEntry> frontierSerde = AvroSerde.of(FrontierEntry.class);
    private final AvroSerde<FetchLogEntry> logSerde = AvroSerde.of(FetchLogEntry.class);

    private IngestService(Topics topics, List<Source> sources, SourceScanner scanner,
                          KafkaProducer<String, byte[]> discoveryProducer, StateTopicReader stateReader, UrlStates states,
                          ExecutorService fetchPool, PageFetcher fetcher, Clock clock) {
        this.fetchPool = fetchPool;
        this.fetcher = fetcher;
        this.states = states;
        this.topics = topics;
        this.sources = List.copyOf(sources);
        this.scanner = scanner;
        this.discoveryProducer = discoveryProducer;
        this.stateReader = stateReader;
        this.clock = clock;
    }

    /** Loads URL state, then starts the fetch workers. The topics must exist. */
    public static IngestService start(Options options, String bootstrap, Map<String, Object> clientProperties,
                                      Topics topics, List<Source> sources, MeterRegistry meters, IngestListener listener,
                                      Clock clock) {
        PageFetcher fetcher = new PageFetcher(options.fetch(), AddressGuard.system());
        StateTopicReader reader = StateTopicReader.open(bootstrap, clientProperties, topics, partitions ->
                options.stateDir() == null ? UrlStates.partitioned(partitions) : UrlStates.onDisk(statesDir(options), partitions));
        UrlStates states = reader.states();
        meters.gauge("khabar.ingest.url-states", states, UrlStates::size);
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "khabar-ingest-" + options.instanceId() + "-discovery");
        KafkaProducer<String, byte[]> discovery = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        AtomicInteger fetchThreads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "khabar-fetch-" + fetchThreads.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        IngestService service = new IngestService(topics, sources, new SourceScanner(fetcher), discovery, reader, states,
                pool, fetcher, clock);
        Duration budget = FrontierWorker.entryBudget(clientProperties);
        if (options.maxCrawlDelay().compareTo(UrlProcessor.maxPause(budget)) > 0) {
            LOG.warn("ingest.max-crawl-delay {} is over three fifths of the time an entry may wait for its host ({}, a third of "
                    + "max.poll.interval.ms): entries of hosts with such a crawl-delay will go back to the frontier "
                    + "as deferred again and again", options.maxCrawlDelay(), budget);
        }
        Map<String, Source> byId = sources.stream().collect(Collectors.toMap(Source::id, Function.identity()));
        UrlProcessor processor = new UrlProcessor(fetcher, new RobotsRules(fetcher, options.maxCrawlDelay(), clock),
                new ArticleExtractor(), states, byId, clock, meters, UrlProcessor.maxPause(budget));
        for (int i = 0; i < options.threads(); i++) {
            FrontierWorker w = new FrontierWorker(bootstrap, clientProperties, options.groupId(),
                    "khabar-ingest-" + options.instanceId() + "-" + i, topics, processor, pool, reader, listener, meters,
                    clock);
            Thread t = new Thread(w, "khabar-frontier-" + i);
            t.setDaemon(true);
            service.workers.add(w);
            service.threads.add(t);
            t.start();
        }
        return service;
    }

    /** {@code url-states-<instance id>} right under the state directory: the store deletes what it holds. */
    private static Path statesDir(Options options) {
        Path base = options.stateDir().toAbsolutePath().normalize();
        Path dir = base.resolve("url-states-" + options.instanceId()).normalize();
        if (!options.instanceId().matches("[A-Za-z0-9._-]+") || !base.equals(dir.getParent())) {
            throw new IllegalArgumentException("instance id '" + options.instanceId()
                    + "' must be letters, digits, '.', '_' or '-' to name its URL state directory");
        }
        return dir;
    }

    /** What one round of discovery put on the frontier, and the sources that failed. */
    public record Discovery(int enqueued, int failedSources) {
        public int expectedLogEntries() {
            return enqueued + failedSources;
        }
    }

    /**
     * Scans each source once and puts what it lists on the frontier, tagged with {@code runId}
     * (may be null). A source that cannot be read gets a fetch-log entry of its own.
     */
    public Discovery discover(List<Source> toScan, String runId) {
        int enqueued = 0;
        int failed = 0;
        Instant now = clock.instant();
        for (Source source : toScan) {
            try {
                for (Discovered d : scanner.scan(source)) {
                    FrontierEntry e = FrontierEntry.newBuilder().setUrl(d.url().toString()).setSourceId(source.id())
                            .setDiscoveredAt(now).setRunId(runId).setPayload(d.payload()).build();
                    discoveryProducer.send(new ProducerRecord<>(topics.frontier(), SiteKeys.of(e.getUrl()),
                            frontierSerde.encode(e)));
                    enqueued++;
                }
            } catch (DiscoveryException e) {
                failed++;
                LOG.warn("source {} failed: {} {}", source.id(), e.outcome().label(), e.getMessage());
                FetchLogEntry log = FetchLogEntry.newBuilder().setUrl(source.url().toString()).setSourceId(source.id())
                        .setOutcome(e.outcome().label()).setHttpStatus(e.status()).setDetail("source: " + e.getMessage())
                        .setAt(now).setRunId(runId).build();
                discoveryProducer.send(new ProducerRecord<>(topics.fetchLog(), source.url().toString(), logSerde.encode(log)));
            }
        }
        discoveryProducer.flush();
        return new Discovery(enqueued, failed);
    }

    /** How many URLs' states this instance holds (its sites' only, when the state topic follows the frontier). */
    public long urlStatesHeld() {
        return states.size();
    }

    public List<Source> sources() {
        return sources;
    }

    /**
     * Throws when a frontier worker has stopped on its own (its partitions went to the instance's
     * other workers, or to other instances, which may have stopped the same way): an instance that
     * fetches less than it seems to should end, so that whatever runs it starts it again.
     */
    public void checkWorkers() {
        for (FrontierWorker w : workers) {
            RuntimeException f = w.failure();
            if (f != null) {
                Throwable root = f;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause(); // "User rebalance callback throws an error" says less than what it wraps
                }
                throw new IllegalStateException("an ingest worker stopped: " + root.getMessage(), f);
            }
        }
        RuntimeException readerFailure = stateReader.failure();
        if (readerFailure != null) {
            throw new IllegalStateException("the URL state reader stopped: " + readerFailure.getMessage(), readerFailure);
        }
        for (Thread t : threads) {
            if (!t.isAlive() && !closing) {
                throw new IllegalStateException("ingest worker " + t.getName() + " has ended");
            }
        }
    }

    /**
     * Scans every source on its own interval until interrupted; the workers fetch meanwhile.
     *
     * @throws IllegalStateException when a worker stops on its own ({@link #checkWorkers})
     */
    public void discoverContinuously() throws InterruptedException {
        long[] next = new long[sources.size()];
        while (!Thread.currentThread().isInterrupted()) {
            checkWorkers();
            long now = clock.millis();
            for (int i = 0; i < sources.size(); i++) {
                if (now >= next[i]) {
                    discover(List.of(sources.get(i)), null);
                    next[i] = now + sources.get(i).pollInterval().toMillis();
                }
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        closing = true;
        workers.forEach(FrontierWorker::stop);
        for (Thread t : threads) {
            try {
                t.join(FrontierWorker.STOP_WAIT_MILLIS + 5_000); // a stopping worker waits for its started entries
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fetchPool.shutdownNow();
        fetcher.cancelAll(); // a fetch blocked in a read does not see the interrupt: its call is cancelled
        discoveryProducer.close(Duration.ofSeconds(5));
        stateReader.close();
        try {
            fetchPool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS); // fetches still use the states
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        states.close(); // a fetch still running after that finds the store closed: an exception, not a crash
        fetcher.close();
    }
}
