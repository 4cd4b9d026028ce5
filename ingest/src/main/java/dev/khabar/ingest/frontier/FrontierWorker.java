package dev.khabar.ingest.frontier;

import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.source.Source;
import dev.khabar.schemas.FrontierEntry;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One frontier consumer of the ingest consumer group. The frontier is keyed by site ({@link
 * SiteKeys}: the host without {@code www.}), so a host is served by one worker of one instance at a
 * time; before the worker takes entries of a partition it is given, the instance reads that
 * partition's URL states ({@link StateTopicReader#acquire}). The worker fetches its hosts in parallel on the
 * instance's fetch pool, each host's entries in order and one at a time, and keeps polling while
 * they are fetched ({@link InFlight}), so a fetch thread that finishes a host takes the next one
 * instead of waiting for the slowest host of a poll. At least every second it writes what is
 * finished — articles, URL states, new frontier entries, fetch-log entries and the consumer offsets
 * past them — in one Kafka transaction. A crash re-fetches what was not committed; nothing is
 * published twice.
 */
public final class FrontierWorker implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrontierWorker.class);

    /**
     * Longest a processed entry waits for its commit while other entries are fetched. Bounds what a
     * crash re-fetches and how late the first articles of a slow (polite) host appear.
     */
    public static final long MAX_BATCH_MILLIS = 1_000;

    /**
     * Entries per poll by default, and how many uncommitted entries make the worker pause its
     * partitions (it keeps polling, to stay in the group). Many, so that a transaction carries many
     * articles and several hosts run in parallel; an entry whose host is too slow for its time budget
     * (crawl delays, Retry-After) gives up its turn and goes back to the frontier ({@code deferred}).
     */
    static final int MAX_POLL_RECORDS = 200;
    private static final int MAX_POLL_INTERVAL_MS = 600_000;
    /** How long a worker losing partitions in a rebalance goes on with what it has polled. */
    private static final long HAND_OVER_DRAIN_MILLIS = 10_000;
    /** How long a stopping worker waits for its host tasks' current entries. */
    public static final long STOP_WAIT_MILLIS = 30_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final BatchTransaction transaction;
    private final UrlProcessor processor;
    private final IngestListener listener;
    private final MeterRegistry meters;
    private final InFlight inFlight;
    private final int maxPollRecords;
    private final FrontierPositions positions;
    private final HostTasks hostTasks;
    private final StateTopicReader stateReader;
    private final String frontierTopic;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    public FrontierWorker(String bootstrap, Map<String, Object> clientProperties, String groupId, String transactionalId,
                          Topics topics, UrlProcessor processor, ExecutorService fetchPool, StateTopicReader stateReader,
                          IngestListener listener, MeterRegistry meters, Clock clock) {
        this.processor = processor;
        this.stateReader = stateReader;
        this.listener = listener;
        this.meters = meters;
        Map<String, Object> c = new HashMap<>(clientProperties);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        c.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
        // an entry must start within a third of the poll interval of its poll (its wait for its host's turn
        // included): a rebalance, a failed commit or a stop waits for started entries without polling
        long pollInterval = Long.parseLong(c.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG).toString());
        inFlight = new InFlight(stateReader.states(), entryBudget(clientProperties));
        maxPollRecords = Integer.parseInt(c.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG).toString());
        // an idle connection to the group coordinator must outlive a rebalance that waits for started entries
        c.putIfAbsent(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, pollInterval + 60_000);
        hostTasks = new HostTasks(inFlight, processor, fetchPool, meters, () -> stopped);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, transactionalId + "-consumer");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        positions = new FrontierPositions(consumer, inFlight, maxPollRecords, () -> stopped);
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        // One request in flight per connection, as in the processor: with transactions v2 a broker rejects a
        // transaction's batches that overtake its first one (retriable OutOfOrderSequence, KAFKA-18202), and
        // each rejection is a retry; a request then carries all that accumulated behind the one in flight.
        p.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        transaction = new BatchTransaction(new TransactionalProducer(p, () -> stopped), topics,
                stateReader.topicPartitions(), clock);
        frontierTopic = topics.frontier();
        consumer.subscribe(List.of(topics.frontier()), new HandOver());
    }

    /**
     * How long after its poll an entry may still start (its wait for its host's turn included): a third of
     * {@code max.poll.interval.ms} as the client properties set it, or of the worker's default.
     */
    public static Duration entryBudget(Map<String, Object> clientProperties) {
        Object interval = clientProperties.getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
        return Duration.ofMillis(Long.parseLong(interval.toString()) / 3);
    }

    @Override
    public void run() {
        try {
            long lastCommit = System.nanoTime();
            while (!stopped) {
                positions.pauseBacklogged();
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(inFlight.size() == 0 ? 300 : 50));
                for (String host : inFlight.add(records)) {
                    hostTasks.start(host);
                }
                if (commitDue(lastCommit)) {
                    commitOrRewind();
                    lastCommit = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ProducerFencedException e) {
            failure = e;
            LOG.error("ingest worker fenced by a newer instance with the same transactional id; stopping", e);
        } catch (RuntimeException e) {
            // among them the URL state reader failing, or the frontier's partitions changing, under a rebalance:
            // no entry is taken without its states, and the service reports the stop (IngestService.checkWorkers)
            failure = e;
            LOG.error("ingest worker {} stopped", Thread.currentThread().getName(), e);
        } finally {
            try {
                finish();
            } finally {
                consumer.close(Duration.ofSeconds(5));
                transaction.close();
            }
        }
    }

    /**
     * Whether to commit now: something is finished, and a second has passed, or a poll's worth is
     * finished, or no host is being fetched any more.
     */
    private boolean commitDue(long lastCommitNanos) {
        if (inFlight.size() == 0) {
            return false;
        }
        return inFlight.idle() || System.nanoTime() - lastCommitNanos >= MAX_BATCH_MILLIS * 1_000_000
                || inFlight.committable().size() >= maxPollRecords;
    }

    /**
     * Commits what is finished; after a failed transaction, or when entries are left that no host
     * task will take (one died), rewinds their partitions to what the last commit left.
     */
    private void commitOrRewind() throws InterruptedException {
        boolean idle = inFlight.idle();
        if (!commit() || idle && inFlight.size() > 0) {
            inFlight.abandon();
            inFlight.awaitIdle(0);
            inFlight.forgetUncommitted().forEach(positions::rewind);
        }
    }

    /**
     * Stopping: host tasks end after their current entry, what they finished is committed, and the
     * rest is forgotten (it comes again after a restart, or at the partitions' next owner). The wait
     * is bounded: a task the fetch pool dropped on shutdown never ends.
     */
    private void finish() {
        inFlight.abandon(); // whatever made the worker stop, its tasks take nothing more
        try {
            inFlight.awaitIdle(STOP_WAIT_MILLIS);
            commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (KafkaException e) {
            LOG.warn("last commit before stopping failed; its entries come again: {}", e.toString());
        } finally {
            inFlight.abandon();
            inFlight.forgetUncommitted(); // so that closing the consumer has nothing to hand over
        }
    }

    /**
     * Partitions leaving this worker in a rebalance (called inside {@code poll}): host tasks go on
     * for up to {@link #HAND_OVER_DRAIN_MILLIS} with what was polled, committing every second
     * (unless the partitions are already lost to another member), then take nothing more; once
     * they are idle the rest is forgotten, partitions that stay are rewound to the commit, and the
     * new owner of the others starts from it. Entries finished behind one never started are fetched
     * again there (and published once).
     */
    private final class HandOver implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                handOver(partitions, true);
            } finally {
                stateReader.release(numbers(partitions));
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            try {
                handOver(partitions, false);
            } finally {
                stateReader.release(numbers(partitions));
            }
        }

        /** No entry of a partition is taken before its URL states are read (the poll waits meanwhile). */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // at every rebalance, even one that gave this worker nothing: partitions added to the frontier move sites
            stateReader.checkFrontierPartitions(consumer.partitionsFor(frontierTopic).size());
            try {
                if (!stateReader.acquire(numbers(partitions), () -> stopped)) {
                    throw new WakeupException(); // stopping: the poll ends as on wakeup
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }

        private static List<Integer> numbers(Collection<TopicPartition> partitions) {
            return partitions.stream().map(TopicPartition::partition).toList();
        }

        private void handOver(Collection<TopicPartition> leaving, boolean commitFinished) {
            if (leaving.isEmpty() || inFlight.size() == 0) {
                return;
            }
            if (!commitFinished || stopped) {
                inFlight.abandon(); // lost, or stopping: take nothing more
            }
            boolean committing = commitFinished;
            try {
                // for a while the host tasks go on with what was polled, committing as usual, so that the offsets pass
                // what they finished and the next owner fetches less of it again; then they take nothing more, for the
                // whole group waits for this member
                long drainUntil = System.nanoTime() + HAND_OVER_DRAIN_MILLIS * 1_000_000;
                long waitUntil = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000;
                while (!inFlight.awaitIdle(MAX_BATCH_MILLIS)) {
                    if (committing && !commit()) {
                        // a failed commit may still have gone through: never write its entries again, rewind instead
                        committing = false;
                        inFlight.abandon();
                    }
                    if (System.nanoTime() - drainUntil > 0) {
                        inFlight.abandon();
                    }
                    if (stopped && System.nanoTime() - waitUntil > 0) {
                        break; // a task the fetch pool dropped on shutdown never ends
                    }
                }
                if (committing) {
                    commit();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.abandon();
                Set<TopicPartition> staying = inFlight.forgetUncommitted();
                staying.removeAll(leaving);
                staying.forEach(positions::rewind);
            }
        }
    }

    /**
     * Commits the batch's committable entries in one transaction and reports each outcome.
     *
     * @return false when the transaction failed (it was aborted)
     */
    private boolean commit() {
        List<InFlight.Item> items = new ArrayList<>(inFlight.committable());
        if (items.isEmpty()) {
            return true;
        }
        Optional<KafkaException> failure = transaction.write(items, consumer.groupMetadata());
        while (failure.isPresent() && transaction.markTooLarge(inFlight, items)) {
            // no retry can make such an article fit: it ends as publish-failed instead of blocking its partition
            // (each round marks at least one more, so this ends)
            failure = transaction.write(items, consumer.groupMetadata());
        }
        if (failure.isPresent()) {
            LOG.warn("transaction for {} frontier entries failed, will retry them: {}", items.size(),
                    failure.get().toString());
            return false;
        }
        inFlight.committed(items);
        for (InFlight.Item item : items) {
            if (item.entry() != null) {
                report(item.entry(), item.result());
            }
        }
        return true;
    }

    private void report(FrontierEntry entry, UrlResult result) {
        meters.counter("khabar.ingest.outcomes", "source", entry.getSourceId(), "outcome", result.outcome().label())
                .increment();
        Source source = processor.findSource(entry.getSourceId()).orElse(null);
        if (source != null) {
            listener.onOutcome(source, URI.create(entry.getUrl()), result.outcome(), result.detail());
        }
    }

    /** Why the worker stopped on its own, or null while it runs (or when it was stopped). */
    public RuntimeException failure() {
        return failure;
    }

    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        stop();
    }
}
