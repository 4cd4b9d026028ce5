package dev.khabar.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Explicit limits for every request.
 *
 * @param userAgent      sent on every request and matched against robots.txt
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout whole request, headers and body, per hop
 * @param maxBodyBytes   cap on the body, enforced on the wire and again after decompression
 * @param maxRedirects   redirects followed before giving up
 * @param perHostDelay   minimum gap between two requests to one host
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration requestTimeout, long maxBodyBytes,
                            int maxRedirects, Duration perHostDelay) {

    public static final String DEFAULT_USER_AGENT = "KhabarBot/0.1 (+https://github.com/khabar-news/khabar)";

    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(requestTimeout, "request-timeout");
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max-body-bytes must be at least 1024: " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("max-redirects must be 0..20: " + maxRedirects);
        }
        if (perHostDelay == null || perHostDelay.isNegative()) {
            throw new IllegalArgumentException("per-host-delay must be zero or positive: " + perHostDelay);
        }
    }

    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30),
                10L * 1024 * 1024, 5, Duration.ofSeconds(1));
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
