package dev.khabar.ingest.frontier;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which state partitions a {@link StateTopicReader} holds and reads, and how far each load has got:
 * the reader's tail thread's own bookkeeping (nothing here is thread-safe). A partition is held while
 * any of the instance's workers owns its frontier partition (reference counted), read from the start
 * when it is first taken, and kept, tailed, for {@link #RELEASE_GRACE} after the last worker gives it
 * up before its states are dropped.
 *
 * <p>A load ends at the partition's last stable offset, and only once no transaction on the partition
 * is open: a worker is given a frontier partition right after its previous owner committed its last
 * batch, and that commit's markers reach the state partition a moment later. Until they do, its
 * states are above the last stable offset, and a load that stopped there would not know the URLs
 * just fetched — a rediscovery of one of them would fetch it again. A transaction still open after
 * {@link #OPEN_TRANSACTION_WAIT} (its producer died mid-batch) is left to time out; the load ends
 * without it, with a warning.
 */
final class HeldPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(HeldPartitions.class);

    /**
     * How long a partition no worker of the instance owns any more stays held and tailed: Kafka's
     * default (eager) rebalance takes every partition from every member and gives most back.
     */
    static final Duration RELEASE_GRACE = Duration.ofSeconds(20);

    /** How long a load waits for a transaction open on its partition to end. */
    static final Duration OPEN_TRANSACTION_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    /** A partition's end offset counting uncommitted records too (the high watermark). */
    private final ToLongFunction<TopicPartition> writtenEnd;
    private final String topic;
    private final UrlStates states;
    private final int partitionCount;
    private final Set<TopicPartition> assigned = new HashSet<>();
    /** How many of this instance's workers own each partition. */
    private final Map<Integer, Integer> holders = new HashMap<>();
    private final Map<Integer, Loading> loading = new HashMap<>();
    private final Map<Integer, CompletableFuture<Void>> loaded = new HashMap<>();

    /** Released partitions still held and tailed, by when they were released. */
    private final Map<Integer, Long> releasedAt = new HashMap<>();

    /** A partition being read to the end offset it had when it was acquired (-1 until known). */
    private static final class Loading {
        long end = -1;
        final long started = System.nanoTime();
        /** When the load first found a transaction open at its end (0: not yet). */
        long waitingSince;
        long states;
        long misplaced;
    }

    HeldPartitions(KafkaConsumer<String, byte[]> consumer, ToLongFunction<TopicPartition> writtenEnd, String topic,
                   UrlStates states, int partitionCount) {
        this.consumer = consumer;
        this.writtenEnd = writtenEnd;
        this.topic = topic;
        this.states = states;
        this.partitionCount = partitionCount;
    }

    /** Every partition, for good (an instance that reads the whole topic). */
    void assignAll(Collection<TopicPartition> partitions) {
        assigned.addAll(partitions);
        consumer.assign(assigned);
    }

    boolean noneAssigned() {
        return assigned.isEmpty();
    }

    /** Counts a record read from {@code partition} towards its load, if it is loading. */
    void count(int partition, boolean misplaced) {
        Loading l = loading.get(partition);
        if (l != null) {
            l.states++;
            if (misplaced) {
                l.misplaced++;
            }
        }
    }

    /** The reader stops: every load waited for fails with {@code why}. */
    void failLoads(RuntimeException why) {
        loaded.values().forEach(f -> f.completeExceptionally(why));
    }

    CompletableFuture<Void> take(int partition) {
        if (partition < 0 || partition >= partitionCount) {
            // the frontier gained partitions while this instance runs: its states are divided by the old count
            throw new StateTopicReader.PartitionsChanged("a worker was given " + topic.replace("ingest-state", "frontier") + " partition "
                    + partition + ", but this instance divides URL states into the " + partitionCount + " partitions it "
                    + "started with: restart ingest (and give " + topic + " as many partitions as the frontier)");
        }
        if (holders.merge(partition, 1, Integer::sum) == 1) {
            TopicPartition tp = new TopicPartition(topic, partition);
            if (releasedAt.remove(partition) == null) {
                states.hold(partition);
                assigned.add(tp);
                consumer.assign(assigned);
                consumer.seekToBeginning(List.of(tp));
            }
            // read (on), from the start or from where the tail is, to the end it has now
            loading.put(partition, new Loading());
            loaded.put(partition, new CompletableFuture<>());
        }
        return loaded.get(partition);
    }

    void give(int partition) {
        Integer left = holders.computeIfPresent(partition, (p, n) -> n == 1 ? null : n - 1);
        if (left != null || !loaded.containsKey(partition)) {
            return;
        }
        if (loading.containsKey(partition)) {
            drop(partition);
        } else {
            // kept (and tailed) for a while: a rebalance that takes every partition and gives most of them back,
            // as Kafka's default (eager) one does, then costs no reading again
            releasedAt.put(partition, System.nanoTime());
        }
    }

    private void drop(int partition) {
        releasedAt.remove(partition);
        assigned.remove(new TopicPartition(topic, partition));
        consumer.assign(assigned);
        loading.remove(partition);
        CompletableFuture<Void> f = loaded.remove(partition);
        if (f != null) {
            f.completeExceptionally(new IllegalStateException("released before it was read"));
        }
        long before = states.size();
        states.release(partition);
        LOG.debug("dropped {} URL states of {}-{}: no worker of this instance has fetched its sites for {} s",
                before - states.size(), topic, partition, RELEASE_GRACE.toSeconds());
    }

    /** Drops the partitions released longer than {@link #RELEASE_GRACE} ago. */
    void dropReleased() {
        long now = System.nanoTime();
        for (Integer partition : List.copyOf(releasedAt.keySet())) {
            if (now - releasedAt.get(partition) > RELEASE_GRACE.toNanos()) {
                drop(partition);
            }
        }
    }

    void finishLoads() {
        for (var it = loading.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            int partition = e.getKey();
            Loading l = e.getValue();
            TopicPartition tp = new TopicPartition(topic, partition);
            if (l.end < 0) {
                l.end = consumer.endOffsets(List.of(tp)).get(tp); // read_committed: the last stable offset
            }
            if (consumer.position(tp) < l.end) {
                continue;
            }
            if (writtenEnd.applyAsLong(tp) > l.end) {
                // a transaction is open here, or its markers are not written yet: read on to where it ends
                if (l.waitingSince == 0) {
                    l.waitingSince = System.nanoTime();
                }
                long waited = System.nanoTime() - l.waitingSince;
                if (waited < OPEN_TRANSACTION_WAIT.toNanos()) {
                    l.end = -1;
                    continue;
                }
                LOG.warn("{} has had a transaction open for {} s: loading it without that transaction's URL states (they "
                        + "are read when it commits; its producer may have died, and it then times out)", tp,
                        TimeUnit.NANOSECONDS.toSeconds(waited));
            }
            it.remove();
            loaded.get(partition).complete(null);
            if (l.states > 0) {
                LOG.info("loaded {} URL states of {}-{} in {} ms", l.states, topic, partition,
                        (System.nanoTime() - l.started) / 1_000_000);
            }
            if (l.misplaced > 0) {
                LOG.warn("{} URL states in {}-{} belong to other partitions' sites (written by an ingest before states "
                                + "followed their sites, or before the topic's partitions changed): each is kept only "
                                + "where this instance holds its site's partition when it reads it, and the URLs of the "
                                + "others are fetched again once", l.misplaced, topic, partition);
            }
        }
    }

}
