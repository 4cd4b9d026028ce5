package dev.khabar.ingest.source;

import dev.khabar.ingest.fetch.FetchOutcome;

/** A source could not be read: its feed, sitemap, listing page or API failed, with the typed outcome. */
public final class DiscoveryException extends Exception {

    private final FetchOutcome outcome;
    private final int status;

    public DiscoveryException(FetchOutcome outcome, int status, String message) {
        super(message);
        this.outcome = outcome;
        this.status = status;
    }

    public FetchOutcome outcome() {
        return outcome;
    }

    public int status() {
        return status;
    }
}
