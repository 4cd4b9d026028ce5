package dev.khabar.kafka;

import java.nio.file.Path;

/** The embedded broker did not start, or did not serve requests in time. */
public class BrokerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int port;
    private final transient Path dataDir;

    BrokerStartException(String problem, int port, int controllerPort, Path dataDir, Throwable cause) {
        super("Embedded Kafka broker on " + BrokerProperties.HOST + ":" + port
                + " (controller port " + controllerPort + ", data dir " + dataDir + ") " + problem, cause);
        this.port = port;
        this.dataDir = dataDir;
    }

    /** The PLAINTEXT port the broker was to listen on. */
    public int port() {
        return port;
    }

    /** The broker's log dir. */
    public Path dataDir() {
        return dataDir;
    }
}
