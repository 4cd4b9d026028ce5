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
    PUBLISH_FAILED;

    /** The lower-case, dashed name used in metrics, logs and summaries ({@code not-modified}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isFailure() {
        return switch (this) {
            case PUBLISHED, UNCHANGED, NOT_MODIFIED, DUPLICATE, ROBOTS_DENIED -> false;
            default -> true;
        };
    }
}
