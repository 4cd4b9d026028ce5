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
 * The frontier entries of one poll while their hosts are fetched in parallel, until each is
 * committed. Results go to Kafka in transactions with the consumer offsets past them, and an
 * offset may only pass entries that are done: a commit takes, per partition, the unbroken run of
 * finished entries at the head ({@link #committable()}). A crash re-fetches what is not committed
 * and publishes nothing twice.
 *
 * <p>The URL states an entry produces are remembered at once, so a later entry of the same host
 * sees them (two links to one canonical URL publish once); if a transaction fails they are taken
 * back, so the re-fetch does not mistake an unpublished article for an unchanged one. Thread-safe:
 * host tasks complete entries while the worker thread commits.
 */
final class PollBatch {

    /** One processed entry; {@code entry} is null for an undecodable record (only its offset is committed). */
    record Item(TopicPartition partition, long offset, FrontierEntry entry, UrlResult result) {
    }

    private record Key(TopicPartition partition, long offset) {
    }

    private record Remembered(UrlState ours, UrlState before) {
    }

    private final UrlStates states;
    /** Per partition, the offsets of this poll not yet committed, in order. */
    private final Map<TopicPartition, ArrayDeque<Long>> uncommitted = new LinkedHashMap<>();
    private final Map<Key, Item> done = new HashMap<>();
    /** Per finished entry, the states it remembered (with what they replaced), in order of finishing. */
    private final LinkedHashMap<Key, List<Remembered>> remembered = new LinkedHashMap<>();
    private int runningTasks;
    private volatile boolean abandoned;
    private final long deadlineNanos;

    /**
     * @param budget how long host tasks may keep starting entries; the rest go back to the frontier
     *     (the consumer must poll again within its max.poll.interval.ms)
     */
    PollBatch(Iterable<ConsumerRecord<String, byte[]>> records, UrlStates states, Duration budget) {
        this.states = states;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
        for (ConsumerRecord<String, byte[]> r : records) {
            uncommitted.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayDeque<>())
                    .add(r.offset());
        }
    }

    synchronized void taskStarted() {
        runningTasks++;
    }

    synchronized void taskEnded() {
        runningTasks--;
        notifyAll();
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
        notifyAll();
    }

    /**
     * Waits up to {@code millis} (0 = until then) for every host task to end.
     *
     * @return whether they all have
     */
    synchronized boolean awaitTasks(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (runningTasks > 0) {
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
            uncommitted.get(i.partition()).remove(i.offset());
            done.remove(key);
            remembered.remove(key);
        }
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

    /** Tells host tasks to stop taking entries (after a failed commit). */
    void abandon() {
        abandoned = true;
    }

    boolean abandoned() {
        return abandoned;
    }

    /** An entry whose host makes it wait {@code wait} first would start after the batch's time budget. */
    boolean startsTooLate(Duration wait) {
        return System.nanoTime() + wait.toNanos() - deadlineNanos > 0;
    }

    /**
     * After the host tasks have ended: takes back, newest first, the states of every finished
     * entry not committed.
     *
     * @return the partitions with uncommitted entries, to be rewound to their committed offsets
     */
    synchronized Set<TopicPartition> forgetUncommitted() {
        List<List<Remembered>> lists = new ArrayList<>(remembered.values());
        for (int i = lists.size() - 1; i >= 0; i--) {
            forget(lists.get(i));
        }
        remembered.clear();
        Set<TopicPartition> partitions = new HashSet<>();
        uncommitted.forEach((p, offsets) -> {
            if (!offsets.isEmpty()) {
                partitions.add(p);
            }
        });
        return partitions;
    }

    private void forget(List<Remembered> list) {
        for (int i = list.size() - 1; i >= 0; i--) {
            states.restore(list.get(i).ours(), list.get(i).before());
        }
        list.clear();
    }
}
