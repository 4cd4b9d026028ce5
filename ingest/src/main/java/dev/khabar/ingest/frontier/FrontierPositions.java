package dev.khabar.ingest.frontier;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where a frontier worker's consumer reads: partitions paused while backlogged, rewound after a failure. */
final class FrontierPositions {

    private static final Logger LOG = LoggerFactory.getLogger(FrontierPositions.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final InFlight inFlight;
    private final int maxPollRecords;
    private final BooleanSupplier stopped;

    FrontierPositions(KafkaConsumer<String, byte[]> consumer, InFlight inFlight, int maxPollRecords,
                      BooleanSupplier stopped) {
        this.consumer = consumer;
        this.inFlight = inFlight;
        this.maxPollRecords = maxPollRecords;
        this.stopped = stopped;
    }

    /**
     * Bounds what waits uncommitted: a partition with a poll's worth of uncommitted entries (a slow
     * host at its head holds back the finished ones behind it) is paused, the others go on; past
     * twice that in all, every partition is. The worker keeps polling, to stay in the group.
     */
    void pauseBacklogged() {
        Set<TopicPartition> assigned = consumer.assignment();
        Set<TopicPartition> full = new HashSet<>(inFlight.size() >= 2 * maxPollRecords ? assigned
                : inFlight.partitionsWithAtLeast(maxPollRecords));
        full.retainAll(assigned);
        Set<TopicPartition> resume = new HashSet<>(consumer.paused());
        resume.removeAll(full);
        if (!resume.isEmpty()) {
            consumer.resume(resume);
        }
        if (!full.isEmpty()) {
            consumer.pause(full);
        }
    }

    /**
     * Puts the partition back where the last committed transaction left it: the entries that failed
     * come again, an entry whose commit did go through does not.
     */
    void rewind(TopicPartition tp) {
        Long position = null;
        while (!stopped.getAsBoolean()) {
            try {
                OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
                position = committed == null ? null : committed.offset();
                break;
            } catch (WakeupException e) {
                if (!stopped.getAsBoolean()) {
                    throw e;
                }
            } catch (KafkaException e) {
                LOG.warn("cannot read the committed offset of {} yet: {}", tp, e.toString());
                sleepQuietly(500);
            }
        }
        try {
            if (position == null) {
                consumer.seekToBeginning(Set.of(tp)); // nothing committed yet: the reset policy is earliest
            } else {
                consumer.seek(tp, position);
            }
        } catch (IllegalStateException e) {
            // the partition moved to another instance in a rebalance: it resumes from the committed offset
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
