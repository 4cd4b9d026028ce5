package dev.khabar.console.dashboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.schemas.FetchLogEntry;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** One source's ingest as the fetch log tells it: last poll, outcome counts, robots denials, errors. */
final class SourceStatus {

    private final String sourceId;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private long total;
    private long robotsDenied;
    private long errors;
    private long retrying;
    private Instant lastAt;
    private FetchLogEntry lastError;

    SourceStatus(String sourceId) {
        this.sourceId = sourceId;
    }

    void add(FetchLogEntry e) {
        total++;
        outcomes.merge(e.getOutcome(), 1L, Long::sum);
        if (lastAt == null || e.getAt().isAfter(lastAt)) {
            lastAt = e.getAt();
        }
        FetchOutcome outcome = outcome(e.getOutcome());
        if (outcome == FetchOutcome.ROBOTS_DENIED) {
            robotsDenied++;
        } else if (outcome == FetchOutcome.RETRYING) {
            retrying++;
        } else if (outcome == null || outcome.isFailure()) {
            errors++;
            if (lastError == null || !e.getAt().isBefore(lastError.getAt())) {
                lastError = e;
            }
        }
    }

    private static FetchOutcome outcome(String label) {
        try {
            return FetchOutcome.fromLabel(label);
        } catch (IllegalArgumentException e) {
            return null; // an outcome a newer ingest knows and this console does not: counted as an error
        }
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("sourceId", sourceId);
        o.put("lastPoll", lastAt == null ? null : lastAt.toString());
        o.put("total", total);
        o.put("published", outcomes.getOrDefault(FetchOutcome.PUBLISHED.label(), 0L));
        o.put("robotsDenied", robotsDenied);
        o.put("errors", errors);
        o.put("retrying", retrying);
        ObjectNode counts = o.putObject("outcomes");
        outcomes.forEach(counts::put);
        if (lastError != null) {
            o.putObject("lastError").put("url", lastError.getUrl()).put("outcome", lastError.getOutcome())
                    .put("httpStatus", lastError.getHttpStatus()).put("detail", lastError.getDetail())
                    .put("at", lastError.getAt().toString());
        }
        return o;
    }
}
