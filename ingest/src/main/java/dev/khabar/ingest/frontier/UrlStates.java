package dev.khabar.ingest.frontier;

import dev.khabar.schemas.UrlState;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest knows about each URL, in memory: filled from the compacted state topic at start,
 * kept current from it while running, and updated at once by this instance's own fetches.
 */
public class UrlStates {

    private final ConcurrentHashMap<String, UrlState> byUrl = new ConcurrentHashMap<>();

    public Optional<UrlState> find(String url) {
        return Optional.ofNullable(byUrl.get(url));
    }

    /** Keeps the newer of what is known and {@code state} (by fetch time, then version). */
    public void remember(UrlState state) {
        byUrl.merge(state.getUrl(), state, (old, now) ->
                now.getLastFetched().isAfter(old.getLastFetched())
                        || (now.getLastFetched().equals(old.getLastFetched()) && now.getVersion() >= old.getVersion())
                        ? now : old);
    }

    /**
     * Puts back {@code before} (or nothing) where {@code ours} is still the current state; a state
     * that replaced {@code ours} meanwhile (from the state topic) is kept.
     */
    void restore(UrlState ours, UrlState before) {
        if (before == null) {
            byUrl.remove(ours.getUrl(), ours);
        } else {
            byUrl.replace(ours.getUrl(), ours, before);
        }
    }

    public int size() {
        return byUrl.size();
    }
}
