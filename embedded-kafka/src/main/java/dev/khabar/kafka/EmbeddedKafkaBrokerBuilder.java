package dev.khabar.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Configures an {@link EmbeddedKafkaBroker}; {@link #build()} does not start it. */
public final class EmbeddedKafkaBrokerBuilder {

    private int port;
    private int controllerPort;
    private Path dataDir;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private Duration startTimeout = Duration.ofSeconds(60);

    EmbeddedKafkaBrokerBuilder() {
    }

    /** The client (PLAINTEXT) port on 127.0.0.1; 0, the default, picks a free one at the first start. */
    public EmbeddedKafkaBrokerBuilder port(int port) {
        this.port = requirePort(port);
        return this;
    }

    /** The KRaft controller port on 127.0.0.1; 0, the default, picks a free one at the first start. */
    public EmbeddedKafkaBrokerBuilder controllerPort(int controllerPort) {
        this.controllerPort = requirePort(controllerPort);
        return this;
    }

    /**
     * A persistent data dir, formatted on first use and reused afterwards; null, the default, means a
     * temporary dir that {@link EmbeddedKafkaBroker#close()} deletes.
     */
    public EmbeddedKafkaBrokerBuilder dataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /**
     * A broker config property, overriding the embedded defaults (e.g. {@code auto.create.topics.enable},
     * {@code num.partitions}). Listeners, node id, roles and dirs are set from this builder and cannot be
     * overridden.
     */
    public EmbeddedKafkaBrokerBuilder brokerProperty(String key, String value) {
        BrokerProperties.requireNotReserved(Objects.requireNonNull(key, "key"));
        brokerProperties.put(key, Objects.requireNonNull(value, "value"));
        return this;
    }

    /** How long {@link EmbeddedKafkaBroker#start()} may take before it fails; 60 s by default. */
    public EmbeddedKafkaBrokerBuilder startTimeout(Duration startTimeout) {
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("Start timeout must be positive: " + startTimeout);
        }
        this.startTimeout = startTimeout;
        return this;
    }

    /** Creates the broker, and its temporary data dir if no data dir was given, without starting it. */
    public EmbeddedKafkaBroker build() {
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("Port and controller port must differ: " + port);
        }
        if (dataDir != null) {
            return new EmbeddedKafkaBroker(port, controllerPort, dataDir.toAbsolutePath(), false, brokerProperties,
                    startTimeout);
        }
        try {
            Path temporary = Files.createTempDirectory("khabar-kafka-");
            return new EmbeddedKafkaBroker(port, controllerPort, temporary, true, brokerProperties, startTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary data dir", e);
        }
    }

    private static int requirePort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port must be 0 (pick a free one) or 1-65535: " + port);
        }
        return port;
    }
}
