package dev.khabar.processor.topology;

import dev.khabar.schemas.Topics;
import java.util.Objects;

/**
 * What the topology needs to know: where to read and write. Streams client settings
 * (bootstrap, guarantees, handlers) live in {@link StreamsSettings}.
 *
 * @param topics          topic names
 * @param applicationId   the Kafka Streams application id; instances with the same id share partitions
 * @param limits        the largest records the topics take, when they do not change while the topology runs
 *                      (the runner passes a supplier of the current ones to {@link NewsTopology} instead)
 */
public record ProcessorConfig(Topics topics, String applicationId, RecordLimits limits) {

    public static final String DEFAULT_APPLICATION_ID = "khabar-processor";

    public ProcessorConfig(Topics topics, String applicationId) {
        this(topics, applicationId, RecordLimits.BROKER_DEFAULT);
    }

    public ProcessorConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(limits, "limits");
        if (applicationId == null || !applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("processor application id must be letters, digits, '.', '_' or '-': '"
                    + applicationId + "'");
        }
    }

    public ProcessorConfig withLimits(RecordLimits limits) {
        return new ProcessorConfig(topics, applicationId, limits);
    }

    public static ProcessorConfig defaults() {
        return new ProcessorConfig(Topics.defaults(), DEFAULT_APPLICATION_ID);
    }
}
