package dev.khabar.ingest.fetch;

import java.net.URI;

/**
 * What to fetch and how.
 *
 * @param expect       which content types count as success
 * @param allowPrivate whether loopback/private/link-local addresses may be reached
 * @param etag         validator from an earlier fetch, sent as {@code If-None-Match}; may be null
 * @param lastModified validator from an earlier fetch, sent as {@code If-Modified-Since}; may be null
 */
public record FetchRequest(URI url, Expect expect, boolean allowPrivate, String etag, String lastModified) {

    /** The kind of document the caller wants. */
    public enum Expect {
        HTML, FEED, TEXT, JSON
    }

    public static FetchRequest page(URI url, boolean allowPrivate) {
        return new FetchRequest(url, Expect.HTML, allowPrivate, null, null);
    }

    public static FetchRequest feed(URI url, boolean allowPrivate) {
        return new FetchRequest(url, Expect.FEED, allowPrivate, null, null);
    }
}
