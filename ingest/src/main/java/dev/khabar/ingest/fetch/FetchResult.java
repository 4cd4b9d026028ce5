package dev.khabar.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The answer to one fetch: a page, "not modified", or a typed failure. Never an exception. */
public sealed interface FetchResult {

    URI requested();

    /**
     * A 2xx response with an HTML (or XML, when asked for) body within the size cap.
     *
     * @param body decoded text (charset from the header, a BOM, {@code <meta>} or detection)
     */
    record Page(URI requested, URI finalUrl, int status, String contentType, String body, String charset,
                String etag, String lastModified) implements FetchResult {
    }

    /** A {@code 304} to a conditional GET. */
    record NotModified(URI requested, URI finalUrl) implements FetchResult {
    }

    /**
     * The fetch failed; {@code status} is the HTTP status or 0, {@code retryAfter} what a 429/503 asked for.
     */
    record Failed(URI requested, FetchOutcome outcome, int status, String message, Duration retryAfterOrNull)
            implements FetchResult {

        public Failed(URI requested, FetchOutcome outcome, int status, String message) {
            this(requested, outcome, status, message, null);
        }

        public Optional<Duration> findRetryAfter() {
            return Optional.ofNullable(retryAfterOrNull);
        }
    }
}
