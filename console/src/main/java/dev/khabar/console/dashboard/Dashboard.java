package dev.khabar.console.dashboard;

import dev.khabar.schemas.Topics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's web dashboard: live throughput per topic, articles per category and language
 * over time, the latest articles with their labels, evidence and entities, per-source ingest
 * status, dead letters and consumer lag, pushed to browsers as server-sent events; plus
 * {@code /metrics}, {@code /health} and {@code /ready}. Runs inside {@code demo}/{@code run}
 * (where it queries the processor's store) or alone ({@code khabar dashboard}, reading news.stats).
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    static final Duration PUSH_EVERY = Duration.ofMillis(500);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /**
     * @param port    0 for any free port
     * @param streams the processor running in this process, or null: then the counts come from the stats topic
     */
    public record Options(int port, String bootstrap, Map<String, Object> clientProperties, Topics topics,
                          PrometheusMeterRegistry metrics, KafkaStreams streams) {
    }

    private final Admin admin;
    private final DashboardState state = new DashboardState();
    private final DashboardFeed feed;
    private final Thread feedThread;
    private final ScheduledExecutorService scheduler;
    private final EventStream events = new EventStream();
    private final Readiness readiness;
    private final StoreStats storeStats;
    private final DashboardServer server;
    private long pushedVersion = -1;
    private String pushedHealth = "";
    private long pushedAt;

    private Dashboard(Options o) {
        Map<String, Object> props = new HashMap<>(o.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "khabar-dashboard-admin");
        this.admin = Admin.create(props);
        this.readiness = new Readiness(admin, o.streams());
        this.storeStats = o.streams() == null ? null : new StoreStats(o.streams());
        this.feed = new DashboardFeed(o.bootstrap(), o.clientProperties(), o.topics(), state);
        this.feedThread = new Thread(feed, "khabar-dashboard-feed");
        this.feedThread.setDaemon(true);
        // two threads: a slow Kafka answer to the sampler must not hold up the pushes
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "khabar-dashboard-scheduler");
            t.setDaemon(true);
            return t;
        });
        KafkaOverview overview = new KafkaOverview(admin, o.topics().prefix());
        DashboardServer started;
        try {
            started = DashboardServer.start(o.port(), this::snapshotJson, events, readiness, o.metrics());
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            feed.release();
            admin.close(Duration.ofSeconds(5));
            throw e;
        }
        this.server = started;
        feedThread.start();
        int[] tick = {0};
        scheduler.scheduleWithFixedDelay(() -> sample(overview, tick[0]++ % 2 == 0), 0, SAMPLE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::push, PUSH_EVERY.toMillis(), PUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the dashboard; throws {@link IllegalStateException} when its port cannot be bound. */
    public static Dashboard start(Options options) {
        return new Dashboard(options);
    }

    public int port() {
        return server.port();
    }

    /** Where a browser on this machine finds it. */
    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    private void sample(KafkaOverview overview, boolean withLag) {
        try {
            KafkaOverview.Sample s = overview.sample();
            state.onSample(s);
            if (withLag) {
                state.onLag(overview.lag(s));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("dashboard could not sample Kafka: {}", e.getMessage());
        }
    }

    private void push() {
        try {
            if (events.size() == 0) {
                return;
            }
            String health = readiness.check().toString();
            long version = state.version();
            long now = System.nanoTime();
            if (version != pushedVersion || !health.equals(pushedHealth) || now - pushedAt > HEARTBEAT.toNanos()) {
                events.broadcast(snapshotJson());
                pushedVersion = version;
                pushedHealth = health;
                pushedAt = now;
            }
        } catch (RuntimeException e) {
            LOG.debug("dashboard push failed: {}", e.getMessage());
        }
    }

    String snapshotJson() {
        Instant now = Instant.now();
        Optional<List<StatsSeries.Point>> fromStore = storeStats == null ? Optional.empty()
                : storeStats.read(now.minus(Duration.ofMinutes(DashboardState.CHART_MINUTES)), now);
        return state.snapshot(fromStore, readiness.check(), now).toString();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        events.closeAll();
        server.close();
        feed.close();
        try {
            feedThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        feed.release();
        admin.close(Duration.ofSeconds(5));
    }
}
