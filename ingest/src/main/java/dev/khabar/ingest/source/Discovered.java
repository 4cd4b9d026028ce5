package dev.khabar.ingest.source;

import java.net.URI;

/**
 * An article URL a source listed; {@code payload} carries article data the source already gave
 * (a WordPress REST API post as JSON), or is null when the page must be fetched.
 */
public record Discovered(URI url, String payload) {

    public static Discovered of(URI url) {
        return new Discovered(url, null);
    }
}
