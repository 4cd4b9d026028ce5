package dev.khabar.processor.topology;

import dev.khabar.processor.enrich.SimHash;
import dev.khabar.schemas.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Marks near-duplicates across sources. Every article's 64-bit SimHash is written to the
 * fingerprints topic under four band keys ({@code b<i>:<16-bit band>:<id>}); all instances read
 * that topic back as a global store, so a new article finds candidates that share a band with it,
 * whatever partition they came through, and is marked {@code duplicateOf} the earliest one within
 * {@link #MAX_DISTANCE} bits.
 */
final class MarkDuplicates implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

    static final int MAX_DISTANCE = 3;
    static final int BANDS = 4;

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
        for (int band = 0; band < BANDS; band++) {
            try (KeyValueIterator<String, ValueAndTimestamp<String>> it =
                         store.prefixScan(bandPrefix(band, fp), new StringSerializer())) {
                while (it.hasNext()) {
                    KeyValue<String, ValueAndTimestamp<String>> kv = it.next();
                    String[] v = kv.value.value().split(":", 3); // id:fingerprint:processedAtMillis
                    if (v.length < 3 || v[0].equals(a.getId())) {
                        continue;
                    }
                    long other = Long.parseLong(v[1]);
                    long when = Long.parseLong(v[2]);
                    if (SimHash.hammingDistance(fp, other) <= MAX_DISTANCE && when < bestTime) {
                        best = v[0];
                        bestTime = when;
                    }
                }
            }
        }
        if (best != null && bestTime <= a.getProcessedAt().toEpochMilli()) {
            a = EnrichedArticle.newBuilder(a).setDuplicateOf(best).build();
        }
        context.forward(record.withValue(a));
    }

    static String bandPrefix(int band, long fp) {
        return "b" + band + ":" + String.format("%04x", (fp >>> (16 * band)) & 0xFFFF) + ":";
    }

    /** The fingerprint records one article contributes: four band keys, one value. */
    static List<KeyValue<String, String>> fingerprintRecords(EnrichedArticle a) {
        List<KeyValue<String, String>> out = new ArrayList<>();
        if (a.getFingerprint() == null || a.getDuplicateOf() != null) {
            return out; // a duplicate adds nothing new: the original already stands for it
        }
        String value = a.getId() + ":" + a.getFingerprint() + ":" + a.getProcessedAt().toEpochMilli();
        for (int band = 0; band < BANDS; band++) {
            out.add(KeyValue.pair(bandPrefix(band, a.getFingerprint()) + a.getId(), value));
        }
        return out;
    }
}
