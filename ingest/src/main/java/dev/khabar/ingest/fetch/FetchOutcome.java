package dev.khabar.ingest.fetch;

import java.util.Locale;

/** What happened to one URL. Every URL ingest touches ends in exactly one of these. */
public enum FetchOutcome {
    PUBLISHED,
    UNCHANGED,
    NOT_MODIFIED,
    DUPLICATE,
    ROBOTS_DENIED,
    TOO_LARGE,
    NOT_HTML,
    HTTP_ERROR,
    TIMEOUT,
    NETWORK_ERROR,
    REFUSED_ADDRESS,
    TOO_MANY_REDIRECTS,
    EXTRACT_FAILED,
    PUBLISH_FAILED,
    /** A temporary failure (429/503/5xx, timeout, robots.txt unreachable): the URL went back to the frontier. */
    RETRYING,
    /**
     * Not fetched yet: its time budget ran out before this host's turn (a slow, crawl-delayed or
     * paused host); the entry went back to the frontier unchanged and will end in another outcome.
     */
    DEFERRED,
    /** The frontier entry names a source this instance does not have. */
    UNKNOWN_SOURCE;

    /** The lower-case, dashed name used in metrics, logs and summaries ({@code not-modified}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()} back. */
    public static FetchOutcome fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public boolean isFailure() {
        return switch (this) {
            case PUBLISHED, UNCHANGED, NOT_MODIFIED, DUPLICATE, ROBOTS_DENIED, RETRYING, DEFERRED -> false;
            default -> true;
        };
    }
}
