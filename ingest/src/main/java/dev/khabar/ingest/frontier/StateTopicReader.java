package dev.khabar.ingest.frontier;

import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.Topics;
import dev.khabar.schemas.UrlState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link UrlStates} filled from the compacted ingest-state topic, on a daemon thread that
 * tails it, so other instances' fetches are known here too.
 *
 * <p><b>Partitioned</b> (the state topic has as many partitions as the frontier, as {@code
 * TopicSetup} creates them): a URL's state is in the partition of its site ({@link SiteKeys}),
 * the same number as its frontier partition. The instance reads only the partitions its frontier
 * workers own: a worker given frontier partitions {@link #acquire acquires} them here, which waits
 * until they are read to their end, before it takes any of their entries; a worker losing them
 * {@link #release releases} them, and their states are dropped once no worker of the instance owns
 * them. An instance so holds and reads 1/N of the states of N instances.
 *
 * <p><b>Unpartitioned</b> (different partition counts): every instance reads the whole topic at
 * start and holds every state, and {@link #acquire} and {@link #release} do nothing.
 */
public final class StateTopicReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateTopicReader.class);
    /** The tail thread's longest poll: how long a request (a partition acquired or released) may wait. */
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    /** Partitioned only: whether a transaction is open where a load ends. */
    private final HighWatermarks highWatermarks;
    private final String topic;
    private final UrlStates states;
    private final boolean partitioned;
    private final int partitionCount;
    /** The frontier's partition count when this reader opened: the states are divided by it. */
    private int frontierPartitions;
    private final AvroSerde<UrlState> serde = AvroSerde.of(UrlState.class);
    private final BlockingQueue<Runnable> requests = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile RuntimeException failure;
    /** The tail thread's own. */
    private final HeldPartitions held;

    /** The frontier's partitions changed under a running instance: only a restart divides the states anew. */
    static final class PartitionsChanged extends IllegalStateException {
        PartitionsChanged(String message) {
            super(message);
        }
    }

    private StateTopicReader(KafkaConsumer<String, byte[]> consumer, HighWatermarks highWatermarks, String topic,
                             UrlStates states, int partitionCount, boolean partitioned) {
        this.consumer = consumer;
        this.highWatermarks = highWatermarks;
        this.topic = topic;
        this.states = states;
        this.partitionCount = partitionCount;
        this.partitioned = partitioned;
        this.held = new HeldPartitions(consumer, highWatermarks, topic, states, partitionCount);
        this.thread = new Thread(this::tail, "khabar-ingest-state");
        thread.setDaemon(true);
    }

    /**
     * Opens the reader and its states ({@code statesFor} gets the number of partitions to divide them
     * into: the state topic's when it matches the frontier's, else 1). Unpartitioned, it returns once
     * the whole topic is read.
     */
    public static StateTopicReader open(String bootstrap, Map<String, Object> clientProperties, Topics topics,
                                        IntFunction<UrlStates> statesFor) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "khabar-ingest-state");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        HighWatermarks highWatermarks = null;
        UrlStates states = null;
        try {
            int stateCount = consumer.partitionsFor(topics.ingestState(), Duration.ofSeconds(30)).size();
            int frontierCount = consumer.partitionsFor(topics.frontier(), Duration.ofSeconds(30)).size();
            if (stateCount == 0 || frontierCount == 0) {
                throw new IllegalStateException("topic " + (stateCount == 0 ? topics.ingestState() : topics.frontier())
                        + " does not exist (khabar ingest and khabar process create Khabar's topics at start)");
            }
            if (stateCount != frontierCount) {
                LOG.warn("{} has {} partitions and {} has {}: URL states cannot follow their sites' frontier partitions, so "
                                + "this instance reads and holds every URL's state (give both topics the same number of "
                                + "partitions to divide them among instances)", topics.ingestState(), stateCount,
                        topics.frontier(), frontierCount);
            }
            boolean partitioned = stateCount == frontierCount;
            states = statesFor.apply(partitioned ? stateCount : 1);
            if (states.partitions() != (partitioned ? stateCount : 1)) {
                throw new IllegalArgumentException("URL states divided into " + states.partitions() + " partitions");
            }
            highWatermarks = partitioned ? new HighWatermarks(bootstrap, clientProperties) : null;
            StateTopicReader reader = new StateTopicReader(consumer, highWatermarks, topics.ingestState(), states,
                    stateCount, partitioned);
            reader.frontierPartitions = frontierCount;
            if (!reader.partitioned) {
                reader.loadEverything();
            }
            reader.thread.start();
            return reader;
        } catch (RuntimeException e) {
            Utils.closeQuietly(states, "URL states"); // the on-disk store holds a lock and native memory
            closeClients(consumer, highWatermarks);
            throw e;
        }
    }

    public UrlStates states() {
        return states;
    }

    /**
     * Stops a worker (and so the instance) whose frontier no longer has the partition count this
     * instance started with: its sites moved to other partitions, and states held or written by the
     * old count would not be found. Called at every rebalance, whatever it assigned.
     *
     * @throws IllegalStateException naming what to do
     */
    public void checkFrontierPartitions(int now) {
        if (now != frontierPartitions) {
            throw new PartitionsChanged("the frontier has " + now + " partitions, not the " + frontierPartitions
                    + " this instance started with, so its sites have moved: restart ingest (and give " + topic
                    + " as many partitions as the frontier, then run khabar states rehome with ingest stopped)");
        }
    }

    /** Why the reader's thread stopped on its own, or null. */
    public RuntimeException failure() {
        return failure;
    }

    /** The state topic's partition count: a state record goes to {@code SiteKeys.partition(url, this)}. */
    public int topicPartitions() {
        return partitionCount;
    }

    private void loadEverything() {
        states.hold(0);
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        held.assignAll(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long start = System.nanoTime();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
        }
        LOG.info("loaded {} URL states from {} in {} ms", states.size(), topic, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Makes the states of {@code partitions} (frontier partition numbers) known here: returns once
     * each is read to the end it had when asked (at once when unpartitioned).
     *
     * @param giveUp checked while waiting; true ends the wait
     * @return false when {@code giveUp} ended the wait first
     * @throws IllegalStateException when the reader failed or was closed
     */
    public boolean acquire(Collection<Integer> partitions, BooleanSupplier giveUp) throws InterruptedException {
        if (!partitioned || partitions.isEmpty()) {
            return true;
        }
        CompletableFuture<List<CompletableFuture<Void>>> taken = new CompletableFuture<>();
        request(() -> taken.complete(partitions.stream().map(held::take).toList()));
        while (true) {
            RuntimeException f = failure;
            if (f != null || stopped) {
                throw new IllegalStateException("URL state reader for " + topic + " has stopped", f);
            }
            if (giveUp.getAsBoolean()) {
                return false;
            }
            try {
                if (taken.isDone()) {
                    CompletableFuture.allOf(taken.get().toArray(CompletableFuture[]::new)).get(200, TimeUnit.MILLISECONDS);
                    return true;
                }
                taken.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look again
            } catch (ExecutionException e) {
                throw new IllegalStateException("URL states of " + topic + " " + partitions + " could not be read", e.getCause());
            }
        }
    }

    /** This instance's worker no longer owns {@code partitions}: once no worker does, their states go. */
    public void release(Collection<Integer> partitions) {
        if (partitioned && !partitions.isEmpty() && !stopped) {
            List<Integer> copy = List.copyOf(partitions);
            request(() -> copy.forEach(held::give));
        }
    }

    /** Runs {@code r} on the tail thread, between its polls (of at most {@link #POLL}). */
    private void request(Runnable r) {
        requests.add(r);
    }

    private void tail() {
        long lastRetriable = 0;
        try {
            while (!stopped) {
                try {
                    for (Runnable r = requests.poll(); r != null; r = requests.poll()) {
                        r.run();
                    }
                    held.dropReleased();
                    if (held.noneAssigned()) {
                        Runnable r = requests.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                        if (r != null) {
                            r.run();
                        }
                        continue;
                    }
                    consumer.poll(POLL).forEach(this::apply);
                    held.finishLoads();
                } catch (WakeupException e) {
                    // closing: the loop ends
                } catch (RetriableException e) {
                    // the broker is away (a restart, a leader moving): loads wait and go on, nothing is lost
                    if (System.nanoTime() - lastRetriable > TimeUnit.SECONDS.toNanos(30)) {
                        LOG.warn("URL state reader for {}: {}; retrying", topic, e.toString());
                        lastRetriable = System.nanoTime();
                    }
                    Thread.sleep(RETRY_BACKOFF.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("URL state reader for {} failed; workers given partitions from now on stop", topic, e);
        } finally {
            RuntimeException why = failure != null ? failure : new IllegalStateException("URL state reader closed");
            held.failLoads(why);
            closeClients(consumer, highWatermarks);
        }
    }

    private static void closeClients(KafkaConsumer<String, byte[]> consumer, HighWatermarks highWatermarks) {
        try {
            consumer.close(Duration.ofSeconds(2));
        } finally {
            if (highWatermarks != null) {
                highWatermarks.close();
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        UrlState state;
        try {
            state = serde.decode(r.value());
        } catch (RuntimeException e) {
            LOG.warn("skipping undecodable state record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            return;
        }
        held.count(r.partition(), partitioned && states.partitionOf(state.getUrl()) != r.partition());
        states.remember(state);
    }

    @Override
    public void close() {
        stopped = true;
        requests.add(() -> { });
        consumer.wakeup();
        try {
            // a poll ends at the wakeup; a high-watermark look-up does not, and the clients then close
            thread.join(HighWatermarks.TIMEOUT.plusSeconds(6).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
