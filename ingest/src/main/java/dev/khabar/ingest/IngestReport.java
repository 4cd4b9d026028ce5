package dev.khabar.ingest;

import dev.khabar.ingest.fetch.FetchOutcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Outcome counts per source, safe to update from fetch threads. */
public final class IngestReport {

    private final ConcurrentHashMap<String, ConcurrentHashMap<FetchOutcome, AtomicInteger>> counts = new ConcurrentHashMap<>();

    public void add(String sourceId, FetchOutcome outcome) {
        counts.computeIfAbsent(sourceId, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
    }

    /** Source id → outcome → count, sorted by source id. */
    public Map<String, Map<FetchOutcome, Integer>> bySource() {
        Map<String, Map<FetchOutcome, Integer>> out = new TreeMap<>();
        counts.forEach((source, m) -> {
            Map<FetchOutcome, Integer> copy = new EnumMap<>(FetchOutcome.class);
            m.forEach((o, n) -> copy.put(o, n.get()));
            out.put(source, Collections.unmodifiableMap(copy));
        });
        return Collections.unmodifiableMap(out);
    }

    public int count(FetchOutcome outcome) {
        return counts.values().stream().mapToInt(m -> m.getOrDefault(outcome, new AtomicInteger()).get()).sum();
    }

    public int total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(AtomicInteger::get).sum();
    }

    /** One line per source: {@code blog  published=12 not-modified=3}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        bySource().forEach((source, m) -> {
            sb.append(source);
            m.forEach((o, n) -> sb.append("  ").append(o.label()).append('=').append(n));
            sb.append('\n');
        });
        return sb.toString();
    }
}
