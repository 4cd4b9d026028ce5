package dev.khabar.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The broker configuration of the single-node KRaft broker: tuned defaults, the caller's overrides, and
 * the keys that define the node's identity and listeners, which the caller cannot override.
 *
 * <p>Keys are spelled out rather than taken from Kafka's config classes: those live in internal packages
 * of half a dozen broker jars and move between releases. {@code BrokerPropertiesTest} checks every key
 * here against the broker's own config definition.
 */
final class BrokerProperties {

    static final String HOST = "127.0.0.1";
    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Small, fast defaults for one node on a small machine; every one can be overridden. */
    static final Map<String, String> DEFAULTS = defaults();

    /** Set from the builder's ports and data dir; an override would desynchronise {@code bootstrapServers()}. */
    static final Set<String> RESERVED = Set.of(
            "process.roles", "node.id", "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "listeners", "advertised.listeners", "listener.security.protocol.map", "controller.listener.names",
            "inter.broker.listener.name", "log.dirs", "log.dir", "metadata.log.dir");

    private BrokerProperties() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        // Topics: Khabar creates its own; one partition and one replica unless asked otherwise.
        defaults.put("auto.create.topics.enable", "false");
        defaults.put("num.partitions", "1");
        defaults.put("default.replication.factor", "1");
        defaults.put("min.insync.replicas", "1");
        // Internal topics default to RF 3 and 50 partitions: with one node exactly-once and share
        // groups hang without RF 1, and 50 partitions each slow down the first consumer group.
        defaults.put("offsets.topic.replication.factor", "1");
        defaults.put("offsets.topic.num.partitions", "1");
        defaults.put("transaction.state.log.replication.factor", "1");
        defaults.put("transaction.state.log.min.isr", "1");
        defaults.put("transaction.state.log.num.partitions", "1");
        defaults.put("share.coordinator.state.topic.replication.factor", "1");
        defaults.put("share.coordinator.state.topic.min.isr", "1");
        defaults.put("share.coordinator.state.topic.num.partitions", "1");
        defaults.put("group.initial.rebalance.delay.ms", "0");
        // Memory and threads: the cleaner's dedupe buffer alone is 128 MiB of heap by default.
        defaults.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        defaults.put("num.network.threads", "2");
        defaults.put("num.io.threads", "2");
        defaults.put("background.threads", "2");
        defaults.put("num.recovery.threads.per.data.dir", "1");
        return Map.copyOf(defaults);
    }

    /**
     * Builds the broker properties.
     *
     * @param port the PLAINTEXT port, already resolved (not 0)
     * @param controllerPort the CONTROLLER port, already resolved (not 0)
     * @param dataDir the single log dir, also used for the metadata log
     * @param startTimeout how long the broker itself may take to start
     * @param overrides the caller's properties, checked by {@link #requireNotReserved}
     */
    static Properties build(int port, int controllerPort, Path dataDir, Duration startTimeout,
            Map<String, String> overrides) {
        Properties props = new Properties();
        props.putAll(DEFAULTS);
        // Without this the broker waits forever (Long.MAX_VALUE ms) for its controller to come up.
        props.put("server.max.startup.time.ms", Long.toString(startTimeout.toMillis()));
        props.putAll(overrides);

        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        // A static voter set: the controller's address lives in the config, not in the formatted storage,
        // so a persistent data dir can be restarted with a different controller port.
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + port);
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", dataDir.toString());
        props.put("metadata.log.dir", dataDir.toString());
        return props;
    }

    static void requireNotReserved(String key) {
        if (RESERVED.contains(key)) {
            throw new IllegalArgumentException("Broker property '" + key
                    + "' is set by EmbeddedKafkaBroker itself; use the builder's port, controllerPort or dataDir");
        }
    }
}
