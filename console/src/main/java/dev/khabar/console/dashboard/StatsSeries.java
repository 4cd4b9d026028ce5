package dev.khabar.console.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The processor's one-minute counts turned into chart series: for each dimension (label,
 * language, source) and each value, the count in each of the last {@code minutes} windows, and
 * the total over them.
 */
final class StatsSeries {

    static final Duration WINDOW = Duration.ofMinutes(1);

    /** One window's count of one value, e.g. (label, defence, 12:03, 4). */
    record Point(String dimension, String value, long windowStart, long count) {
    }

    private StatsSeries() {
    }

    static ObjectNode of(Collection<Point> points, long nowMillis, int minutes, String origin) {
        long step = WINDOW.toMillis();
        long last = nowMillis - Math.floorMod(nowMillis, step);
        long first = last - (minutes - 1) * step;
        Map<String, Map<String, long[]>> byDimension = new TreeMap<>();
        for (Point p : points) {
            if (p.windowStart() < first || p.windowStart() > last) {
                continue;
            }
            int slot = (int) ((p.windowStart() - first) / step);
            byDimension.computeIfAbsent(p.dimension(), d -> new TreeMap<>())
                    .computeIfAbsent(p.value(), v -> new long[minutes])[slot] += p.count();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("origin", origin);
        ArrayNode windows = o.putArray("windows");
        for (int i = 0; i < minutes; i++) {
            windows.add(first + i * step);
        }
        ObjectNode dimensions = o.putObject("dimensions");
        for (String d : new String[] {"label", "language", "source"}) {
            ObjectNode dim = dimensions.putObject(d);
            ObjectNode series = dim.putObject("series");
            ObjectNode totals = dim.putObject("totals");
            byDimension.getOrDefault(d, Map.of()).forEach((value, counts) -> {
                ArrayNode a = series.putArray(value);
                long total = 0;
                for (long c : counts) {
                    a.add(c);
                    total += c;
                }
                totals.put(value, total);
            });
        }
        return o;
    }
}
