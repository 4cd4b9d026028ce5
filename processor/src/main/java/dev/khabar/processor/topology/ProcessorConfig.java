package dev.khabar.processor.topology;

import dev.khabar.schemas.Topics;
import java.util.Objects;

/**
 * What the topology needs to know: where to read and write. Streams client settings
 * (bootstrap, guarantees, handlers) live in {@link StreamsSettings}.
 *
 * @param topics        topic names
 * @param applicationId the Kafka Streams application id; instances with the same id share partitions
 */
public record ProcessorConfig(Topics topics, String applicationId) {

    public static final String DEFAULT_APPLICATION_ID = "khabar-processor";

    public ProcessorConfig {
        Objects.requireNonNull(topics, "topics");
        if (applicationId == null || !applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("processor application id must be letters, digits, '.', '_' or '-': '"
                    + applicationId + "'");
        }
    }

    public static ProcessorConfig defaults() {
        return new ProcessorConfig(Topics.defaults(), DEFAULT_APPLICATION_ID);
    }
}
