package dev.khabar.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in this JVM: one KRaft process in the combined {@code broker,controller}
 * role, listening on 127.0.0.1.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().build().start()) {
 *     kafka.createTopics(3, "news.raw");
 *     // clients use kafka.bootstrapServers()
 * }
 * }</pre>
 *
 * <p>The broker can be stopped and started again: it keeps its ports and its data dir, so records and
 * committed offsets survive. {@link #close()} stops it for good and deletes the data dir if it was a
 * temporary one. Not for production use: one replica, no security.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Attempts to start on freshly picked ports when a picked port was taken before the broker bound it. */
    private static final int BIND_ATTEMPTS = 3;
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final int requestedPort;
    private final int requestedControllerPort;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final Map<String, String> brokerProperties;
    private final Duration startTimeout;

    /** Resolved on the first successful start, then kept so that a restart listens where clients expect. */
    private volatile int port;
    private int controllerPort;
    private boolean portsFixed;
    private volatile KafkaRaftServer server;
    private boolean closed;

    EmbeddedKafkaBroker(int port, int controllerPort, Path dataDir, boolean temporaryDataDir,
            Map<String, String> brokerProperties, Duration startTimeout) {
        this.requestedPort = port;
        this.requestedControllerPort = controllerPort;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.temporaryDataDir = temporaryDataDir;
        this.brokerProperties = Map.copyOf(brokerProperties);
        this.startTimeout = startTimeout;
    }

    /** Starts configuring a broker: port 0, a temporary data dir and the embedded defaults. */
    public static EmbeddedKafkaBrokerBuilder builder() {
        return new EmbeddedKafkaBrokerBuilder();
    }

    /**
     * Starts the broker, formatting the data dir first if it holds no cluster yet, and returns once the
     * broker serves requests. Does nothing if it is running already.
     *
     * @return this broker
     * @throws BrokerStartException if it cannot start or does not serve requests within the start timeout
     * @throws IllegalStateException if the broker was closed
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("Embedded Kafka broker with data dir " + dataDir + " is closed");
        }
        if (server != null) {
            return this;
        }
        long startedAt = System.nanoTime();
        long deadline = startedAt + startTimeout.toNanos();
        try {
            StorageFormatter.formatIfMissing(dataDir);
        } catch (Exception e) {
            throw startFailure("could not format its data dir", e);
        }
        for (int attempt = 1; server == null; attempt++) {
            pickFreePorts();
            try {
                server = startServer();
            } catch (RuntimeException e) {
                OptionalInt inUse = LoopbackPorts.findPortInUse(e, port, controllerPort);
                if (inUse.isEmpty()) {
                    throw startFailure("failed to start", e);
                }
                // Only a port picked for the first start may change; a restart must keep it for clients.
                if (portsFixed || !wasPicked(inUse.getAsInt()) || attempt == BIND_ATTEMPTS) {
                    throw startFailure("failed to start: port " + inUse.getAsInt() + " is in use", e);
                }
                LOG.warn("Port {} was taken before the broker could bind it; retrying on another", inUse.getAsInt());
                port = requestedPort;
                controllerPort = requestedControllerPort;
            }
        }
        portsFixed = true;
        awaitServing(deadline);
        LOG.info("Embedded Kafka broker serving on {} (data dir {}) after {} ms", bootstrapServers(), dataDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return this;
    }

    private void pickFreePorts() {
        if (port == 0) {
            port = LoopbackPorts.findFreePortOtherThan(controllerPort);
        }
        if (controllerPort == 0) {
            controllerPort = LoopbackPorts.findFreePortOtherThan(port);
        }
    }

    private boolean wasPicked(int boundPort) {
        return (boundPort == port && requestedPort == 0)
                || (boundPort == controllerPort && requestedControllerPort == 0);
    }

    private KafkaRaftServer startServer() {
        KafkaConfig config = KafkaConfig.fromProps(
                BrokerProperties.build(port, controllerPort, dataDir, startTimeout, brokerProperties), false);
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            // The controller may be up while the broker failed: release its port, threads and lock file.
            try {
                shutDown(raftServer);
            } catch (RuntimeException shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw e;
        }
        return raftServer;
    }

    private void awaitServing(long deadline) {
        try (BrokerAdmin admin = new BrokerAdmin(bootstrapServers())) {
            admin.awaitServing(deadline);
        } catch (TimeoutException e) {
            stop();
            throw startFailure("did not serve requests within " + startTimeout, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw startFailure("was interrupted while starting", e);
        }
    }

    private BrokerStartException startFailure(String problem, Throwable cause) {
        return new BrokerStartException(problem, port, controllerPort, dataDir, cause);
    }

    /**
     * Shuts the broker down cleanly and waits until it has. The data dir stays (even a temporary one) and
     * {@link #start()} resumes on the same ports. Does nothing if the broker is not running.
     */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running != null) {
            server = null;
            shutDown(running);
            LOG.info("Embedded Kafka broker on {} stopped", bootstrapServers());
        }
    }

    private static void shutDown(KafkaRaftServer raftServer) {
        raftServer.shutdown();
        raftServer.awaitShutdown();
    }

    /** Stops the broker and deletes its data dir if it was a temporary one. The broker cannot start again. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            stop();
        } finally {
            closed = true;
            if (temporaryDataDir) {
                deleteDataDir();
            }
        }
    }

    private void deleteDataDir() {
        try {
            Utils.delete(dataDir.toFile());
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary data dir {}", dataDir, e);
        }
    }

    /**
     * Creates the named topics with {@code partitions} partitions and one replica each, and waits until
     * every partition has a leader. Topics that exist already are left as they are.
     *
     * @throws IllegalStateException if the broker is not running or the topics could not be created
     */
    public void createTopics(int partitions, String... names) {
        if (!isRunning()) {
            throw new IllegalStateException("Embedded Kafka broker on " + bootstrapServers() + " is not running");
        }
        List<String> topics = List.of(names);
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        try (BrokerAdmin admin = new BrokerAdmin(bootstrapServers())) {
            admin.createTopics(partitions, topics, deadline);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + topics + " on " + bootstrapServers(),
                    e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + topics, e);
        }
    }

    /**
     * The broker's address for clients' {@code bootstrap.servers}, "127.0.0.1:PORT". The port is only
     * known once the broker has started if the builder asked for port 0.
     */
    public String bootstrapServers() {
        return BrokerProperties.HOST + ":" + port;
    }

    /** The broker's log dir, which also holds the KRaft metadata log. */
    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        return server != null;
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", dataDir=" + dataDir
                + (isRunning() ? ", running]" : ", stopped]");
    }
}
