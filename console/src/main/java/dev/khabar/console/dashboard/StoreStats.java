package dev.khabar.console.dashboard;

import dev.khabar.processor.topology.NewsTopology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The windowed counts straight from the processor running in this JVM, through a Kafka Streams
 * interactive query of {@link NewsTopology#STATS_STORE} (keys {@code dimension:value}). Empty while
 * the store is not queryable (starting, rebalancing, restoring): the caller falls back to the
 * stats topic.
 */
final class StoreStats {

    private final KafkaStreams streams;

    StoreStats(KafkaStreams streams) {
        this.streams = streams;
    }

    Optional<List<StatsSeries.Point>> read(Instant from, Instant to) {
        try {
            ReadOnlyWindowStore<String, Long> store = streams.store(StoreQueryParameters.fromNameAndType(
                    NewsTopology.STATS_STORE, QueryableStoreTypes.<String, Long>windowStore()));
            List<StatsSeries.Point> points = new ArrayList<>();
            try (KeyValueIterator<Windowed<String>, Long> it = store.fetchAll(from, to)) {
                while (it.hasNext()) {
                    KeyValue<Windowed<String>, Long> kv = it.next();
                    String[] dv = kv.key.key().split(":", 2);
                    if (dv.length == 2 && kv.value != null) {
                        points.add(new StatsSeries.Point(dv[0], dv[1], kv.key.window().start(), kv.value));
                    }
                }
            }
            return Optional.of(points);
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }
}
