package dev.khabar.ingest.fetch;

import java.net.URI;

/**
 * What to fetch and how.
 *
 * @param expect       which content types count as success
 * @param allowPrivate whether loopback/private/link-local addresses may be reached, and then only
 *                     those of {@code privateScope}'s host
 * @param etag         validator from an earlier fetch, sent as {@code If-None-Match}; may be null
 * @param lastModified validator from an earlier fetch, sent as {@code If-Modified-Since}; may be null
 * @param privateScope the URL (a source's) whose host's non-public addresses {@code allowPrivate}
 *                     lets through, on the first hop and on every redirect
 */
public record FetchRequest(URI url, Expect expect, boolean allowPrivate, String etag, String lastModified,
                           URI privateScope) {

    /** The kind of document the caller wants. */
    public enum Expect {
        HTML, FEED, TEXT, JSON
    }

    /** A request whose private scope is the URL's own host. */
    public FetchRequest(URI url, Expect expect, boolean allowPrivate, String etag, String lastModified) {
        this(url, expect, allowPrivate, etag, lastModified, url);
    }

    public static FetchRequest page(URI url, boolean allowPrivate) {
        return new FetchRequest(url, Expect.HTML, allowPrivate, null, null);
    }

    public static FetchRequest feed(URI url, boolean allowPrivate) {
        return new FetchRequest(url, Expect.FEED, allowPrivate, null, null);
    }

    /** What the address guard lets through: {@code privateScope} when private addresses are allowed, else null. */
    URI guardScope() {
        return allowPrivate ? privateScope : null;
    }
}
