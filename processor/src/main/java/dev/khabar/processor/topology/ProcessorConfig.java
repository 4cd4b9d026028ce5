package dev.khabar.processor.topology;

import dev.khabar.schemas.Topics;
import java.util.Objects;

/**
 * What the topology needs to know: where to read and write. Streams client settings
 * (bootstrap, guarantees, handlers) live in {@link StreamsSettings}.
 *
 * @param topics          topic names
 * @param applicationId   the Kafka Streams application id; instances with the same id share partitions
 * @param maxArticleBytes the largest enriched article (Avro bytes) the article topics take; a larger one
 *                        is a dead letter ({@code serialize}) instead of a write the broker would refuse
 */
public record ProcessorConfig(Topics topics, String applicationId, int maxArticleBytes) {

    public static final String DEFAULT_APPLICATION_ID = "khabar-processor";
    /** Under the broker's default {@code max.message.bytes} (1,048,588), for topics whose own limit is unknown. */
    public static final int DEFAULT_MAX_ARTICLE_BYTES = 1_000_000;

    public ProcessorConfig(Topics topics, String applicationId) {
        this(topics, applicationId, DEFAULT_MAX_ARTICLE_BYTES);
    }

    public ProcessorConfig {
        Objects.requireNonNull(topics, "topics");
        if (maxArticleBytes < 1024) {
            throw new IllegalArgumentException("maxArticleBytes must be at least 1024: " + maxArticleBytes);
        }
        if (applicationId == null || !applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("processor application id must be letters, digits, '.', '_' or '-': '"
                    + applicationId + "'");
        }
    }

    public ProcessorConfig withMaxArticleBytes(int bytes) {
        return new ProcessorConfig(topics, applicationId, bytes);
    }

    public static ProcessorConfig defaults() {
        return new ProcessorConfig(Topics.defaults(), DEFAULT_APPLICATION_ID);
    }
}
