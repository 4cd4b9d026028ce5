package dev.khabar.ingest.source;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One entry of the sources file.
 *
 * @param id           short stable name, used as {@code sourceId} on every article
 * @param type         how to discover article URLs
 * @param url          the feed or page URL
 * @param pollInterval how often to look for new articles when running continuously
 * @param allowPrivate whether this source may reach loopback, private or link-local addresses
 *                     (off by default: a public source never gets to fetch the intranet)
 * @param maxArticles  at most this many articles per poll (newest first in a feed)
 */
public record Source(String id, SourceType type, URI url, Duration pollInterval, boolean allowPrivate, int maxArticles) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("source id must be letters, digits, '.', '_' or '-': '" + id + "'");
        }
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("source '" + id + "': url must be an absolute http(s) URL: " + url);
        }
        if (pollInterval == null) {
            pollInterval = DEFAULT_POLL_INTERVAL;
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("source '" + id + "': poll-interval must be positive: " + pollInterval);
        }
        if (maxArticles <= 0) {
            throw new IllegalArgumentException("source '" + id + "': max-articles must be positive: " + maxArticles);
        }
    }
}
