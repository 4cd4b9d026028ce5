package dev.khabar.processor.topology;

import dev.khabar.processor.enrich.SimHash;
import dev.khabar.schemas.EnrichedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Marks near-duplicates across sources. Every article's 64-bit SimHash is written to the
 * fingerprints topic under four band keys ({@code b<i>:<16-bit band>:t<processed-at>:<id>}); all
 * instances read that topic back as a global store, so a new article finds candidates that share a
 * band with it, whatever partition they came through, and is marked {@code duplicateOf} the
 * earliest one within {@link #MAX_DISTANCE} bits processed in the last {@link #WINDOW}.
 *
 * <p>The processing time sits in the key as fixed-width hex, so a band's entries come out of the
 * store oldest first, from the start of the window: the first one near enough is that band's
 * earliest, and the scan of that band stops there. A story syndicated to hundreds of sites costs
 * one look-up per band, not one per copy; older fingerprints are not read at all.
 */
final class MarkDuplicates implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

    static final int MAX_DISTANCE = 3;
    static final int BANDS = 4;
    /** How far back a near copy counts as the original: syndicated copies follow within days. */
    static final Duration WINDOW = Duration.ofDays(30);

    private static final HexFormat HEX = HexFormat.of();

    private final String storeName;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<String>> store;

    MarkDuplicates(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        EnrichedArticle a = record.value();
        Long fp = a.getFingerprint();
        if (fp == null || a.getWordCount() < 30) {
            context.forward(record); // too short to call anything a duplicate of it
            return;
        }
        String best = null;
        long bestTime = Long.MAX_VALUE;
        String from = time(Math.max(0, a.getProcessedAt().minus(WINDOW).toEpochMilli()));
        for (int band = 0; band < BANDS; band++) {
            String prefix = bandPrefix(band, fp);
            // "~" sorts after every hex digit: the range is the band's entries from the window's start on
            try (KeyValueIterator<String, ValueAndTimestamp<String>> it = store.range(prefix + from, prefix + "~")) {
                while (it.hasNext()) {
                    String[] v = it.next().value.value().split(":", 3); // id:fingerprint:processedAtMillis
                    if (v.length < 3 || v[0].equals(a.getId())) {
                        continue;
                    }
                    long when = Long.parseLong(v[2]);
                    if (when >= bestTime) {
                        break; // oldest first: nothing further in this band is earlier than the best so far
                    }
                    if (SimHash.hammingDistance(fp, Long.parseLong(v[1])) <= MAX_DISTANCE) {
                        best = v[0];
                        bestTime = when;
                        break;
                    }
                }
            }
        }
        if (best != null && bestTime <= a.getProcessedAt().toEpochMilli()) {
            a.setDuplicateOf(best); // this processor's own record, fresh from process-article: no copy needed
        }
        context.forward(record.withValue(a));
    }

    static String bandPrefix(int band, long fp) {
        return "b" + band + ":" + HEX.toHexDigits((short) (fp >>> (16 * band))) + ":t";
    }

    /** A band key: the prefix, then the processing time, then the id. */
    static String bandKey(int band, long fp, long processedAtMillis, String id) {
        return bandPrefix(band, fp) + time(processedAtMillis) + ":" + id;
    }

    /** Epoch millis as 12 hex digits: sorts as it counts (until the year 10889). */
    static String time(long millis) {
        return HEX.toHexDigits(millis).substring(4);
    }

    /** The fingerprint records one article contributes: four band keys, one value. */
    static List<KeyValue<String, String>> fingerprintRecords(EnrichedArticle a) {
        List<KeyValue<String, String>> out = new ArrayList<>();
        if (a.getFingerprint() == null || a.getDuplicateOf() != null) {
            return out; // a duplicate adds nothing new: the original already stands for it
        }
        long at = a.getProcessedAt().toEpochMilli();
        String value = a.getId() + ":" + a.getFingerprint() + ":" + at;
        for (int band = 0; band < BANDS; band++) {
            out.add(KeyValue.pair(bandKey(band, a.getFingerprint(), at, a.getId()), value));
        }
        return out;
    }
}
