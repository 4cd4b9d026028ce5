package dev.khabar.ingest.frontier;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this ingest instance has already fetched and published. Fetch claims are per URL as
 * discovered (canonicalised); publications are per canonical URL, with the content hash and
 * version last published, so an unchanged page is not republished and a changed one becomes
 * the next version.
 */
public final class SeenUrls {

    /** What was last published for a canonical URL. */
    public record Published(String contentHash, int version) {
    }

    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Published> published = new ConcurrentHashMap<>();

    /** True the first time a URL is claimed for fetching, false after. */
    public boolean claim(String url) {
        return claimed.add(url);
    }

    public Optional<Published> findPublished(String canonicalUrl) {
        return Optional.ofNullable(published.get(canonicalUrl));
    }

    public void recordPublished(String canonicalUrl, String contentHash, int version) {
        published.put(canonicalUrl, new Published(contentHash, version));
    }

    /**
     * Decides, atomically, what publishing {@code contentHash} for {@code canonicalUrl} means:
     * the version to publish, or empty when the same content was already published.
     */
    public Optional<Integer> nextVersion(String canonicalUrl, String contentHash) {
        Published[] decided = new Published[1];
        boolean[] changed = new boolean[1];
        published.compute(canonicalUrl, (k, old) -> {
            if (old != null && old.contentHash().equals(contentHash)) {
                decided[0] = old;
                return old;
            }
            changed[0] = true;
            decided[0] = new Published(contentHash, old == null ? 1 : old.version() + 1);
            return decided[0];
        });
        return changed[0] ? Optional.of(decided[0].version()) : Optional.empty();
    }

    /** Forgets a version that could not be published, so a later attempt publishes it again. */
    public void forget(String canonicalUrl, String contentHash) {
        published.computeIfPresent(canonicalUrl, (k, old) -> old.contentHash().equals(contentHash)
                ? (old.version() > 1 ? new Published("", old.version() - 1) : null) : old);
    }

    public int publishedCount() {
        return published.size();
    }
}
