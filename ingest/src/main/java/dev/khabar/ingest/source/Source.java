package dev.khabar.ingest.source;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One entry of the sources file.
 *
 * @param id           short stable name, used as {@code sourceId} on every article
 * @param type         how to discover article URLs
 * @param url          the feed, sitemap, listing page, WordPress site or article URL
 * @param pollInterval how often to look for new articles when running continuously; also how long
 *                     a fetched URL counts as fresh
 * @param allowPrivate whether this source may reach loopback, private or link-local addresses
 *                     (off by default: a public source never gets to fetch the intranet)
 * @param maxArticles  at most this many articles per poll
 * @param linkSelector {@code listing}: CSS selector of article links (default {@code article a[href]})
 * @param nextSelector {@code listing}: CSS selector of the "next page" link, or null
 * @param maxPages     {@code listing}: pages followed through {@code nextSelector}; {@code sitemap}: child sitemaps
 * @param followDepth  how many hops of same-site "read more" links and outlinks to follow (0 = none)
 */
public record Source(String id, SourceType type, URI url, Duration pollInterval, boolean allowPrivate, int maxArticles,
                     String linkSelector, String nextSelector, int maxPages, int followDepth) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);
    public static final String DEFAULT_LINK_SELECTOR = "article a[href], h2 a[href], h3 a[href], .entry-title a[href]";

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
        if (linkSelector == null || linkSelector.isBlank()) {
            linkSelector = DEFAULT_LINK_SELECTOR;
        }
        if (maxPages <= 0) {
            throw new IllegalArgumentException("source '" + id + "': max-pages must be positive: " + maxPages);
        }
        if (followDepth < 0 || followDepth > 5) {
            throw new IllegalArgumentException("source '" + id + "': follow-depth must be 0..5: " + followDepth);
        }
    }

    /** A source with every optional setting at its default. */
    public static Source of(String id, SourceType type, URI url, Duration pollInterval, boolean allowPrivate) {
        return new Source(id, type, url, pollInterval, allowPrivate, 500, null, null, 10, 0);
    }
}
