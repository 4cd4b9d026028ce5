package dev.khabar.console.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/** Records per second per topic over the last {@value #POINTS} samples, for the throughput sparklines. */
final class ThroughputHistory {

    static final int POINTS = 60;

    private final Map<String, Deque<Double>> rates = new TreeMap<>();
    private KafkaOverview.Sample last;

    void add(KafkaOverview.Sample sample) {
        if (last != null) {
            sample.ratesSince(last).forEach((topic, rate) -> {
                Deque<Double> history = rates.computeIfAbsent(topic, t -> new ArrayDeque<>());
                history.addLast(rate);
                while (history.size() > POINTS) {
                    history.removeFirst();
                }
            });
        }
        last = sample;
    }

    ArrayNode toJson() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        if (last == null) {
            return a;
        }
        last.partitions().forEach((topic, partitions) -> {
            Deque<Double> history = rates.getOrDefault(topic, new ArrayDeque<>());
            ArrayNode points = JsonNodeFactory.instance.arrayNode();
            history.forEach(r -> points.add(Math.round(r * 100) / 100.0));
            a.addObject().put("topic", topic).put("partitions", partitions).put("endOffset", last.endOffset(topic))
                    .put("rate", history.isEmpty() ? 0 : Math.round(history.getLast() * 100) / 100.0)
                    .set("history", points);
        });
        return a;
    }
}
