package dev.khabar.ingest.frontier;

import dev.khabar.schemas.KhabarSchemas;
import dev.khabar.schemas.UrlState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * encoding without its URL (the map's key). With the key and the map's entry that is ~364 bytes a
 * URL, where the decoded objects took ~614 (SCALING.md says how it was measured).
 */
public class UrlStates {

    static {
        KhabarSchemas.store(); // Avro instantiates only trusted classes: this trusts Khabar's generated ones
    }

    // per thread: fetch threads, the frontier worker and the state topic's reader all use the states
    private static final ThreadLocal<SpecificDatumWriter<UrlState>> WRITER =
            ThreadLocal.withInitial(() -> new SpecificDatumWriter<>(UrlState.class));
    private static final ThreadLocal<SpecificDatumReader<UrlState>> READER =
            ThreadLocal.withInitial(() -> new SpecificDatumReader<>(UrlState.class));

    private final ConcurrentHashMap<String, byte[]> byUrl = new ConcurrentHashMap<>();

    public Optional<UrlState> find(String url) {
        byte[] packed = byUrl.get(url);
        return packed == null ? Optional.empty() : Optional.of(unpack(url, packed));
    }

    /** Keeps the newer of what is known and {@code state} (by fetch time, then version). */
    public void remember(UrlState state) {
        String url = state.getUrl().toString();
        byUrl.merge(url, pack(state), (old, now) -> newer(unpack(url, old), state) ? now : old);
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
        byte[] mine = pack(ours);
        byte[] previous = before == null ? null : pack(before);
        byUrl.computeIfPresent(ours.getUrl().toString(), (url, current) -> Arrays.equals(current, mine) ? previous : current);
    }

    public int size() {
        return byUrl.size();
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
}
