package dev.khabar.ingest.frontier;

import dev.khabar.schemas.FrontierEntry;
import dev.khabar.schemas.UrlState;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A frontier worker's polled entries from the poll that brings them until they are committed. The
 * worker keeps polling while hosts are fetched, so a host's queue grows at its tail while its task
 * takes entries from its head, one at a time and in order, and no fetch thread waits for the
 * slowest host of a poll before the next poll's hosts can start.
 *
 * <p>Results go to Kafka in transactions with the consumer offsets past them, and an offset may
 * only pass entries that are done: a commit takes, per partition, the unbroken run of finished
 * entries at the head ({@link #committable()}). A crash re-fetches what is not committed and
 * publishes nothing twice.
 *
 * <p>The URL states an entry produces are remembered at once, so a later entry of the same host
 * sees them (two links to one canonical URL publish once); if a transaction fails they are taken
 * back, so the re-fetch does not mistake an unpublished article for an unchanged one. Thread-safe:
 * host tasks take and complete entries while the worker thread polls and commits.
 */
final class InFlight {

    /** One processed entry; {@code entry} is null for an undecodable record (only its offset is committed). */
    record Item(TopicPartition partition, long offset, FrontierEntry entry, UrlResult result) {
    }

    /**
     * An entry waiting for its host's task, with the time by which it must have started, and the
     * generation of in-flight entries it belongs to (see {@link #forgetUncommitted()}).
     */
    record Queued(ConsumerRecord<String, byte[]> record, long deadlineNanos, int epoch) {
        TopicPartition partition() {
            return new TopicPartition(record.topic(), record.partition());
        }

        /** Its host would make it wait {@code wait} first, and it would start after its time budget. */
        boolean startsTooLate(Duration wait) {
            return System.nanoTime() + wait.toNanos() - deadlineNanos > 0;
        }
    }

    private record Key(TopicPartition partition, long offset) {
    }

    private record Remembered(UrlState ours, UrlState before) {
    }

    private final UrlStates states;
    private final long budgetNanos;
    /** Per partition, the offsets not yet committed, in order. */
    private final Map<TopicPartition, ArrayDeque<Long>> uncommitted = new LinkedHashMap<>();
    private final Map<Key, Item> done = new HashMap<>();
    /** Per finished entry, the states it remembered (with what they replaced), in order of finishing. */
    private final LinkedHashMap<Key, List<Remembered>> remembered = new LinkedHashMap<>();
    /** Per host key, the entries its task has not taken yet. */
    private final Map<String, ArrayDeque<Queued>> queues = new HashMap<>();
    /** Host keys with a task running (or about to). */
    private final Set<String> running = new HashSet<>();
    private int size;
    private boolean abandoned;
    /** Counts {@link #forgetUncommitted()} calls: a result of an entry taken before one is ignored. */
    private int epoch;

    /**
     * @param budget how long after its poll an entry may still start; a host that would make it wait
     *     longer gives up its turn (the entry goes back to the frontier), so that one slow host does
     *     not hold back its partition's commits
     */
    InFlight(UrlStates states, Duration budget) {
        this.states = states;
        this.budgetNanos = budget.toNanos();
    }

    /** The frontier key of a record's host: all of a host's entries are one queue. */
    static String hostKey(ConsumerRecord<String, byte[]> r) {
        return r.partition() + "/" + r.key();
    }

    /**
     * Queues a poll's records behind what their hosts already have.
     *
     * @return the host keys that had no task running: the caller starts one for each
     */
    synchronized List<String> add(Iterable<ConsumerRecord<String, byte[]>> records) {
        long deadline = System.nanoTime() + budgetNanos;
        List<String> start = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            uncommitted.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayDeque<>())
                    .add(r.offset());
            size++;
            String host = hostKey(r);
            queues.computeIfAbsent(host, h -> new ArrayDeque<>()).add(new Queued(r, deadline, epoch));
            if (!abandoned && running.add(host)) {
                start.add(host);
            }
        }
        return start;
    }

    /**
     * The next entry of {@code host} for its task, or null when there is none (or the entries were
     * abandoned): the task ends there, and the host has no task until more entries come.
     */
    synchronized Queued next(String host) {
        ArrayDeque<Queued> queue = queues.get(host);
        Queued next = abandoned || queue == null ? null : queue.poll();
        if (next == null) {
            running.remove(host);
            notifyAll();
        } else if (queue.isEmpty()) {
            queues.remove(host);
        }
        return next;
    }

    /**
     * A host's task ended before its queue did (stopped, died, or could not start): its entries stay
     * uncommitted.
     */
    synchronized void taskEnded(String host) {
        running.remove(host);
        notifyAll();
    }

    /**
     * Records the result of {@code q} and remembers its states at once — unless its entries were
     * forgotten since it was taken (a task still working when its worker gave up on them): such a
     * result is dropped, so it cannot leave a URL state no transaction wrote.
     */
    synchronized void complete(Queued q, FrontierEntry entry, UrlResult result) {
        if (q.epoch() == epoch) {
            complete(q.partition(), q.record().offset(), entry, result);
        }
    }

    /** Records one processed entry and remembers its states at once. */
    synchronized void complete(TopicPartition partition, long offset, FrontierEntry entry, UrlResult result) {
        Key key = new Key(partition, offset);
        done.put(key, new Item(partition, offset, entry, result));
        List<Remembered> mine = new ArrayList<>();
        if (result != null) {
            for (UrlState s : result.states()) {
                mine.add(new Remembered(s, states.find(s.getUrl()).orElse(null)));
                states.remember(s);
            }
        }
        remembered.put(key, mine);
    }

    /** Entries polled and not yet committed, finished or not. */
    synchronized int size() {
        return size;
    }

    /** The partitions with at least {@code n} entries polled and not committed. */
    synchronized Set<TopicPartition> partitionsWithAtLeast(int n) {
        Set<TopicPartition> out = new HashSet<>();
        uncommitted.forEach((p, offsets) -> {
            if (offsets.size() >= n) {
                out.add(p);
            }
        });
        return out;
    }

    /** Whether no host task is running. */
    synchronized boolean idle() {
        return running.isEmpty();
    }

    /**
     * Waits up to {@code millis} (0 = until then) for every host task to end.
     *
     * @return whether they all have
     */
    synchronized boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!running.isEmpty()) {
            long left = millis == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000;
            if (millis != 0 && left <= 0) {
                return false;
            }
            wait(millis == 0 ? 0 : Math.max(1, left));
        }
        return true;
    }

    /** Per partition, the finished entries at the head of what is uncommitted, in offset order. */
    synchronized List<Item> committable() {
        List<Item> out = new ArrayList<>();
        for (Map.Entry<TopicPartition, ArrayDeque<Long>> e : uncommitted.entrySet()) {
            for (long offset : e.getValue()) {
                Item item = done.get(new Key(e.getKey(), offset));
                if (item == null) {
                    break;
                }
                out.add(item);
            }
        }
        return out;
    }

    /** Marks {@code items} (a {@link #committable()} list) committed: their states stay. */
    synchronized void committed(List<Item> items) {
        for (Item i : items) {
            Key key = new Key(i.partition(), i.offset());
            if (uncommitted.get(i.partition()).remove(i.offset())) {
                size--;
            }
            done.remove(key);
            remembered.remove(key);
        }
        uncommitted.values().removeIf(ArrayDeque::isEmpty);
    }

    /**
     * Replaces {@code old}'s result (before a retried commit) with one that records no state: the
     * states the old result remembered are taken back.
     */
    synchronized Item replace(Item old, UrlResult result) {
        Key key = new Key(old.partition(), old.offset());
        Item now = new Item(old.partition(), old.offset(), old.entry(), result);
        done.put(key, now);
        forget(remembered.get(key));
        return now;
    }

    /** The offset to commit for each partition: one past its last entry in {@code items}. */
    static Map<TopicPartition, OffsetAndMetadata> offsets(List<Item> items) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Item i : items) {
            offsets.merge(i.partition(), new OffsetAndMetadata(i.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /** Tells host tasks to stop taking entries (after a failed commit, or partitions taken away). */
    synchronized void abandon() {
        abandoned = true;
    }

    /**
     * After the host tasks have ended: takes back, newest first, the states of every finished
     * entry not committed, and drops every uncommitted entry, so new ones can be taken again.
     *
     * @return the partitions that had uncommitted entries, to be rewound to their committed offsets
     */
    synchronized Set<TopicPartition> forgetUncommitted() {
        List<List<Remembered>> lists = new ArrayList<>(remembered.values());
        for (int i = lists.size() - 1; i >= 0; i--) {
            forget(lists.get(i));
        }
        remembered.clear();
        done.clear();
        queues.clear();
        Set<TopicPartition> partitions = new HashSet<>(uncommitted.keySet());
        uncommitted.clear();
        size = 0;
        abandoned = false;
        epoch++;
        return partitions;
    }

    private void forget(List<Remembered> list) {
        for (int i = list.size() - 1; i >= 0; i--) {
            states.restore(list.get(i).ours(), list.get(i).before());
        }
        list.clear();
    }
}
