package dev.khabar.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats a KRaft log dir the way {@code kafka-storage.sh format} does, once. */
final class StorageFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFormatter.class);

    /** Written by the formatter; its presence means the dir holds a cluster already. */
    static final String META_PROPERTIES = "meta.properties";

    private StorageFormatter() {
    }

    /**
     * Formats {@code dataDir} for a new single-node cluster unless it is formatted already, so that a
     * restart on the same dir keeps its topics and records.
     *
     * @return true if the dir was formatted now, false if it already held a cluster
     */
    static boolean formatIfMissing(Path dataDir) throws Exception {
        if (Files.exists(dataDir.resolve(META_PROPERTIES))) {
            return false;
        }
        Files.createDirectories(dataDir);
        // The formatter narrates to System.out; keep that out of the console and the test output.
        ByteArrayOutputStream narration = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        try (PrintStream out = new PrintStream(narration, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(BrokerProperties.NODE_ID)
                    .setClusterId(clusterId)
                    .addDirectory(dataDir.toString())
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    // no initial controllers: a static voter set (controller.quorum.voters), kraft.version 0
                    .run();
        }
        LOG.debug("Formatted {} for cluster {}: {}", dataDir, clusterId,
                narration.toString(StandardCharsets.UTF_8).strip());
        return true;
    }
}
