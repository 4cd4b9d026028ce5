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
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * What ingest knows about each URL, in memory: filled from the compacted state topic at start,
 * kept current from it while running, and updated at once by this instance's own fetches.
 *
 * <p>An instance holds every URL it has ever seen, so each is kept small: the state's Avro binary
 * encoding without its URL (the key). In the heap ({@link #UrlStates()}) that is ~364 bytes a URL with
 * the key and the map's entry, where the decoded objects took ~614 (SCALING.md says how it was
 * measured); {@link #onDisk(Path)} keeps them in a local RocksDB instead, for instances that know
 * more URLs than their heap should hold. Either way the compacted topic is the truth: the store is
 * filled from it at every start.
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

    /** Where the packed states live: byte values by URL. */
    interface Store extends AutoCloseable {
        byte[] get(String url);

        void put(String url, byte[] packed);

        void delete(String url);

        @Override
        void close();
    }

    private final Store store;
    /** A URL's read-compare-write (remember, restore) holds its stripe: other URLs go on. */
    private final Object[] locks = new Object[LOCKS];
    private final AtomicLong size = new AtomicLong();

    /** States in the heap. */
    public UrlStates() {
        this(new HeapStore());
    }

    UrlStates(Store store) {
        this.store = store;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /** States in a RocksDB in {@code dir}: what it held is deleted first, and the directory by {@link #close()}. */
    public static UrlStates onDisk(Path dir) {
        return new UrlStates(new RocksStore(dir));
    }

    public Optional<UrlState> find(String url) {
        byte[] packed = store.get(url);
        return packed == null ? Optional.empty() : Optional.of(unpack(url, packed));
    }

    /** Keeps the newer of what is known and {@code state} (by fetch time, then version). */
    public void remember(UrlState state) {
        String url = state.getUrl().toString();
        synchronized (lock(url)) {
            byte[] old = store.get(url);
            if (old == null) {
                store.put(url, pack(state));
                size.incrementAndGet();
            } else if (newer(unpack(url, old), state)) {
                store.put(url, pack(state));
            }
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
        synchronized (lock(url)) {
            byte[] current = store.get(url);
            if (current == null || !Arrays.equals(current, pack(ours))) {
                return;
            }
            if (before == null) {
                store.delete(url);
                size.decrementAndGet();
            } else {
                store.put(url, pack(before));
            }
        }
    }

    public long size() {
        return size.get();
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
        private final ConcurrentHashMap<String, byte[]> byUrl = new ConcurrentHashMap<>();

        @Override
        public byte[] get(String url) {
            return byUrl.get(url);
        }

        @Override
        public void put(String url, byte[] packed) {
            byUrl.put(url, packed);
        }

        @Override
        public void delete(String url) {
            byUrl.remove(url);
        }

        @Override
        public void close() {
            byUrl.clear();
        }
    }
}
