package dev.khabar.processor.topology;

/**
 * The largest records the processor may write, from the topics' {@code max.message.bytes}. Writing
 * more than a topic takes fails the transaction and replays the input for ever, so the processor
 * checks first: a larger article becomes a dead letter ({@code serialize}), and a dead letter keeps
 * only as much of its input as {@code news.dlq} takes.
 *
 * @param article    the largest enriched article (Avro bytes): it goes to news.enriched, news.clean
 *                   and the category topics, so the smallest of their limits
 * @param deadLetter the largest dead letter (Avro bytes, key included) news.dlq takes
 */
public record RecordLimits(int article, int deadLetter) {

    /** Under the broker's default {@code max.message.bytes} (1,048,588), for topics whose own limit is unknown. */
    public static final RecordLimits BROKER_DEFAULT = new RecordLimits(1_000_000, 1_000_000);

    /** Room a record batch needs beside a record's key and value. */
    public static final int RECORD_OVERHEAD_BYTES = 16 * 1024;

    public RecordLimits {
        if (article < 1024 || deadLetter < 1024) {
            throw new IllegalArgumentException("record limits must be at least 1024 bytes: article " + article
                    + ", dead letter " + deadLetter);
        }
    }

    /**
     * The limits for topics that take records of these sizes.
     *
     * @param articleTopicsMaxMessageBytes the smallest {@code max.message.bytes} of the article topics
     * @param dlqMaxMessageBytes           {@code max.message.bytes} of news.dlq
     * @param maxRequestBytes              the producer's {@code max.request.size}, a ceiling for both
     */
    public static RecordLimits forTopics(int articleTopicsMaxMessageBytes, int dlqMaxMessageBytes, int maxRequestBytes) {
        return new RecordLimits(usable(Math.min(articleTopicsMaxMessageBytes, maxRequestBytes)),
                usable(Math.min(dlqMaxMessageBytes, maxRequestBytes)));
    }

    private static int usable(int maxMessageBytes) {
        return Math.max(1024, maxMessageBytes - RECORD_OVERHEAD_BYTES);
    }
}
