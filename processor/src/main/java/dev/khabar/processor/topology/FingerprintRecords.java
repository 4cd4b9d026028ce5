package dev.khabar.processor.topology;

import dev.khabar.processor.error.ProcessorMetrics;
import dev.khabar.schemas.EnrichedArticle;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Writes each original article's band keys to the fingerprints topic, and expires them: marking
 * looks back {@link MarkDuplicates#WINDOW}, so a band key older than {@link #RETAIN} is never read
 * again, and this processor writes a tombstone for it — the global store drops it on every
 * instance, and compaction then drops it from the topic. Without that, the store and the topic
 * would grow with every article for as long as the processor runs.
 *
 * <p>One task in the application sweeps (the one of the first raw partition: the global store is
 * the same everywhere). A sweep goes through the band buckets {@link #BUCKETS_PER_SWEEP} at a time
 * every {@link #SWEEP_EVERY} of wall-clock time — all 4 × 65,536 of them in a little over an hour,
 * starting where the wall clock says a sweep running since the epoch would be —
 * and in each bucket reads only the expired keys: a bucket's keys sort by processing time, so they
 * are the bucket's first ones. Tombstones go out in the task's transaction like any other record.
 */
final class FingerprintRecords implements Processor<String, EnrichedArticle, String, String> {

    /** Band keys older than this get a tombstone: the marking window and a day to spare. */
    static final Duration RETAIN = MarkDuplicates.WINDOW.plusDays(1);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    static final int BUCKETS_PER_SWEEP = 4096;
    /** At most this many tombstones a sweep; the next sweep goes on from the same bucket. */
    static final int MAX_TOMBSTONES_PER_SWEEP = 10_000;
    private static final int BUCKETS = MarkDuplicates.BANDS << 16;

    private final String storeName;
    private final ProcessorMetrics metrics;
    private ProcessorContext<String, String> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<String>> store;
    private int nextBucket;

    FingerprintRecords(String storeName, ProcessorMetrics metrics) {
        this.storeName = storeName;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        if (context.taskId().partition() == 0) {
            // where the sweep would be had it run since the epoch: a task re-initialised more often than a
            // full pass takes (deploys, migrations) still reaches every bucket, not only the first ones
            nextBucket = (int) ((context.currentSystemTimeMs() / SWEEP_EVERY.toMillis() * BUCKETS_PER_SWEEP) % BUCKETS);
            context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, this::sweep);
        }
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        for (KeyValue<String, String> kv : MarkDuplicates.fingerprintRecords(record.value())) {
            context.forward(record.withKey(kv.key).withValue(kv.value));
        }
    }

    /** Tombstones for the expired keys of the next buckets. */
    private void sweep(long now) {
        long cutoff = now - RETAIN.toMillis();
        if (cutoff <= 0) {
            return;
        }
        int tombstones = 0;
        for (int swept = 0; swept < BUCKETS_PER_SWEEP && tombstones < MAX_TOMBSTONES_PER_SWEEP; swept++) {
            int band = nextBucket >>> 16;
            long bits = (long) (nextBucket & 0xFFFF) << (16 * band);
            String prefix = MarkDuplicates.bandPrefix(band, bits);
            // from the bucket's first key up to the cutoff's time: "<prefix><time>" sorts before "<prefix><time>:<id>"
            try (KeyValueIterator<String, ValueAndTimestamp<String>> it =
                         store.range(prefix, prefix + MarkDuplicates.time(cutoff))) {
                while (it.hasNext() && tombstones < MAX_TOMBSTONES_PER_SWEEP) {
                    context.forward(new Record<>(it.next().key, null, now));
                    tombstones++;
                }
                if (it.hasNext()) {
                    break; // the bucket has more: the next sweep starts with it again
                }
            }
            nextBucket = (nextBucket + 1) % BUCKETS;
        }
        if (tombstones > 0) {
            metrics.fingerprintsExpired(tombstones);
        }
    }
}
