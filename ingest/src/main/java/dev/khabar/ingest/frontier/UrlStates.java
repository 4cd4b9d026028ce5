package dev.khabar.ingest.frontier;

import dev.khabar.schemas.KhabarSchemas;
import dev.khabar.schemas.UrlState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * What ingest knows about each URL, in memory: filled from the compacted state topic, kept current
 * from it while running, and updated at once by this instance's own fetches.
 *
 * <p>States are held by partition. Partitioned ({@link #partitioned(int)}), a URL belongs to the
 * state topic's partition of its site ({@link SiteKeys}) and an instance holds only the partitions
 * of the frontier partitions its workers own ({@link #hold}, {@link #release}): a state of a
 * partition it does not hold is neither found nor kept. Unpartitioned ({@link #UrlStates()}), every
 * URL is in the one partition 0, always held: the instance knows every URL.
 *
 * <p>Each state is kept small: its Avro binary encoding without its URL (the key). In the heap that
 * is ~364 bytes a URL with the key and the map's entry, where the decoded objects took ~614
 * (SCALING.md says how it was measured); {@link #onDisk} keeps them in a local RocksDB instead, for
 * instances that hold more URLs than their heap should. Either way the compacted topic is the
 * truth: a partition is filled from it whenever it comes to this instance.
 */
public class UrlStates implements AutoCloseable {

    static {
        KhabarSchemas.store(); // Avro instantiates only trusted classes: this trusts Khabar's generated ones
    }

    // per thread: fetch threads, the frontier worker and the state topic's reader all use the states
    private static final ThreadLocal<SpecificDatumWriter<UrlState>> WRITER =
            ThreadLocal.withInitial(() -> new SpecificDatumWriter<>(UrlState.class));
    private static final ThreadLocal<SpecificDatumReader<UrlState>> READER =
            ThreadLocal.withInitial(() -> new SpecificDatumReader<>(UrlState.class));
    private static final int LOCKS = 64;

    /** Where the packed states live: byte values by partition and URL. */
    interface Store extends AutoCloseable {
        byte[] get(int partition, String url);

        void put(int partition, String url, byte[] packed);

        void delete(int partition, String url);

        /** Deletes every state of {@code partition}. */
        void drop(int partition);

        @Override
        void close();
    }

    private final Store store;
    private final int partitions;
    /** A URL's read-compare-write (remember, restore) holds its stripe: other URLs go on. */
    private final Object[] locks = new Object[LOCKS];
    /** Held partitions and their sizes; dropping one waits for the reads and writes in progress. */
    private final ConcurrentHashMap<Integer, AtomicLong> held = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock membership = new ReentrantReadWriteLock();

    /** Every URL's state, in the heap. */
    public UrlStates() {
        this(new HeapStore(), 1);
        hold(0);
    }

    UrlStates(Store store, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.store = store;
        this.partitions = partitions;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /** The states of the partitions {@link #hold held}, of {@code partitions} in all, in the heap. */
    public static UrlStates partitioned(int partitions) {
        return new UrlStates(new HeapStore(), partitions);
    }

    /**
     * The states of the partitions {@link #hold held} (every URL's, in partition 0, when
     * {@code partitions} is 1 and 0 is held), in a RocksDB in {@code dir}: what it held is deleted
     * first, and the directory by {@link #close()}.
     */
    public static UrlStates onDisk(Path dir, int partitions) {
        return new UrlStates(new RocksStore(dir), partitions);
    }

    /** Every URL's state, in a RocksDB in {@code dir}. */
    public static UrlStates onDisk(Path dir) {
        UrlStates states = onDisk(dir, 1);
        states.hold(0);
        return states;
    }

    /** How many partitions the states are divided into (1: not divided). */
    public int partitions() {
        return partitions;
    }

    /** The partition {@code url}'s state belongs to. */
    public int partitionOf(String url) {
        return partitions == 1 ? 0 : SiteKeys.partition(url, partitions);
    }

    /** Starts holding {@code partition}, empty; holding it already changes nothing. */
    public void hold(int partition) {
        check(partition);
        membership.writeLock().lock();
        try {
            held.putIfAbsent(partition, new AtomicLong());
        } finally {
            membership.writeLock().unlock();
        }
    }

    /** Forgets every state of {@code partition}, which another instance holds now. */
    public void release(int partition) {
        check(partition);
        membership.writeLock().lock();
        try {
            if (held.remove(partition) != null) {
                store.drop(partition);
            }
        } finally {
            membership.writeLock().unlock();
        }
    }

    public boolean holds(int partition) {
        return held.containsKey(partition);
    }

    private void check(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition " + partition + " of " + partitions);
        }
    }

    /** The state of {@code url}; empty when none is known, or its partition is not held here. */
    public Optional<UrlState> find(String url) {
        int partition = partitionOf(url);
        membership.readLock().lock();
        try {
            byte[] packed = held.containsKey(partition) ? store.get(partition, url) : null;
            return packed == null ? Optional.empty() : Optional.of(unpack(url, packed));
        } finally {
            membership.readLock().unlock();
        }
    }

    /**
     * Keeps the newer of what is known and {@code state} (by fetch time, then version); a state of a
     * partition not held here is not kept.
     */
    public void remember(UrlState state) {
        String url = state.getUrl().toString();
        underLock(url, (partition, size) -> {
            byte[] old = store.get(partition, url);
            if (old == null) {
                store.put(partition, url, pack(state));
                size.incrementAndGet();
            } else if (newer(unpack(url, old), state)) {
                store.put(partition, url, pack(state));
            }
        });
    }

    /** An update of one URL's state in the store. */
    private interface Update {
        void apply(int partition, AtomicLong partitionSize);
    }

    /**
     * Runs {@code update} holding the URL's stripe, while its partition is held (not at all
     * otherwise): dropping a partition waits for the updates in progress.
     */
    private void underLock(String url, Update update) {
        int partition = partitionOf(url);
        membership.readLock().lock();
        try {
            AtomicLong size = held.get(partition);
            if (size == null) {
                return;
            }
            synchronized (lock(url)) {
                update.apply(partition, size);
            }
        } finally {
            membership.readLock().unlock();
        }
    }

    private static boolean newer(UrlState old, UrlState now) {
        return now.getLastFetched().isAfter(old.getLastFetched())
                || (now.getLastFetched().equals(old.getLastFetched()) && now.getVersion() >= old.getVersion());
    }

    /**
     * Puts back {@code before} (or nothing) where {@code ours} is still the current state; a state
     * that replaced {@code ours} meanwhile (from the state topic) is kept.
     */
    void restore(UrlState ours, UrlState before) {
        String url = ours.getUrl().toString();
        underLock(url, (partition, size) -> {
            byte[] current = store.get(partition, url);
            if (current == null || !Arrays.equals(current, pack(ours))) {
                return;
            }
            if (before == null) {
                store.delete(partition, url);
                size.decrementAndGet();
            } else {
                store.put(partition, url, pack(before));
            }
        });
    }

    /** How many URLs' states are held. */
    public long size() {
        return held.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public void close() {
        store.close();
    }

    private Object lock(String url) {
        return locks[(url.hashCode() & 0x7FFFFFFF) % LOCKS];
    }

    private static byte[] pack(UrlState state) {
        UrlState withoutUrl = UrlState.newBuilder(state).setUrl("").build();
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            WRITER.get().write(withoutUrl, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static UrlState unpack(String url, byte[] packed) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(packed, null);
        try {
            UrlState state = READER.get().read(null, decoder);
            state.setUrl(url);
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class HeapStore implements Store {
        private final ConcurrentHashMap<Integer, ConcurrentHashMap<String, byte[]>> byPartition = new ConcurrentHashMap<>();

        @Override
        public byte[] get(int partition, String url) {
            ConcurrentHashMap<String, byte[]> byUrl = byPartition.get(partition);
            return byUrl == null ? null : byUrl.get(url);
        }

        @Override
        public void put(int partition, String url, byte[] packed) {
            byPartition.computeIfAbsent(partition, p -> new ConcurrentHashMap<>()).put(url, packed);
        }

        @Override
        public void delete(int partition, String url) {
            ConcurrentHashMap<String, byte[]> byUrl = byPartition.get(partition);
            if (byUrl != null) {
                byUrl.remove(url);
            }
        }

        @Override
        public void drop(int partition) {
            byPartition.remove(partition);
        }

        @Override
        public void close() {
            byPartition.clear();
        }
    }
}
