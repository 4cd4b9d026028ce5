package dev.khabar.ingest.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one URL politely and safely: per-host pacing, an address guard on every hop (on the
 * URL, on the DNS answer the client connects to, and on the address and port a socket connects to), manual
 * redirects with a limit, a body cap on the wire and after decompression, a deadline for the
 * whole exchange, conditional GET, and charset detection. Every outcome is a {@link FetchResult}.
 *
 * <p>The exchanges themselves, and how the address guard holds on the connection, are
 * {@link GuardedHttp}'s. Calls are synchronous, on the fetching thread (no thread per request).
 */
public final class PageFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);

    private final FetchSettings settings;
    private final AddressGuard guard;
    private final GuardedHttp http;
    private final HostPacer pacer = new HostPacer();
    private final ConcurrentHashMap<String, Duration> hostDelays = new ConcurrentHashMap<>();

    public PageFetcher(FetchSettings settings, AddressGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.http = new GuardedHttp(settings, guard);
    }

    public FetchSettings settings() {
        return settings;
    }

    /** How long a request to {@code host} would now wait for its turn. */
    public Duration hostReadyIn(String host) {
        return pacer.readyIn(host);
    }

    /** Holds back every request to a host, e.g. after a 429/503 with Retry-After. */
    public void pauseHost(String host, Duration pause) {
        pacer.pause(host, pause);
    }

    /** Makes requests to {@code host} wait at least {@code delay} apart (robots.txt crawl-delay). */
    public void setHostDelay(String host, Duration delay) {
        if (delay.compareTo(settings.perHostDelay()) > 0) {
            hostDelays.put(host.toLowerCase(Locale.ROOT), delay);
        }
    }

    /**
     * Why the first hop of {@code request} would be refused by the address guard, or empty: lets a
     * caller refuse a URL before asking anything else of its host (robots.txt included).
     */
    public Optional<String> findRefusal(FetchRequest request) {
        return guard.findRefusal(request.url(), request.guardScope());
    }

    public FetchResult fetch(FetchRequest request) {
        URI url = request.url();
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            Optional<String> refusal = guard.findRefusal(url, request.guardScope());
            if (refusal.isPresent()) {
                return new FetchResult.Failed(request.url(), FetchOutcome.REFUSED_ADDRESS, 0, refusal.get());
            }
            GuardedHttp.Exchange response;
            try (HostPacer.Turn turn = pacer.awaitTurn(url.getHost(),
                    hostDelays.getOrDefault(url.getHost().toLowerCase(Locale.ROOT), settings.perHostDelay()))) {
                response = http.exchange(url, request, hop == 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new FetchResult.Failed(request.url(), FetchOutcome.NETWORK_ERROR, 0, "interrupted");
            } catch (CappedBody.TooLargeException e) {
                return new FetchResult.Failed(request.url(), FetchOutcome.TOO_LARGE, 0, e.getMessage());
            } catch (IOException | IllegalArgumentException e) {
                return failure(request, e);
            }
            int status = response.status();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().get("location");
                if (location == null) {
                    return new FetchResult.Failed(request.url(), FetchOutcome.HTTP_ERROR, status, "redirect without Location");
                }
                try {
                    url = url.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    return new FetchResult.Failed(request.url(), FetchOutcome.HTTP_ERROR, status, "bad Location: " + location);
                }
                if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
                    return new FetchResult.Failed(request.url(), FetchOutcome.REFUSED_ADDRESS, status, "redirect to " + url.getScheme());
                }
                continue;
            }
            return interpret(request, url, response);
        }
        return new FetchResult.Failed(request.url(), FetchOutcome.TOO_MANY_REDIRECTS, 0,
                "more than " + settings.maxRedirects() + " redirects");
    }

    private FetchResult failure(FetchRequest request, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuardedDns.RefusedAddressException refused) {
                return new FetchResult.Failed(request.url(), FetchOutcome.REFUSED_ADDRESS, 0, refused.getMessage());
            }
        }
        if (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)
                && Thread.currentThread().isInterrupted()) {
            return new FetchResult.Failed(request.url(), FetchOutcome.NETWORK_ERROR, 0, "interrupted");
        }
        if (e instanceof InterruptedIOException) { // a read, connect or whole-call timeout
            return new FetchResult.Failed(request.url(), FetchOutcome.TIMEOUT, 0, "timed out after "
                    + settings.requestTimeout().toMillis() + " ms");
        }
        return new FetchResult.Failed(request.url(), FetchOutcome.NETWORK_ERROR, 0, describe(e));
    }

    private FetchResult interpret(FetchRequest request, URI finalUrl, GuardedHttp.Exchange response) {
        int status = response.status();
        Headers headers = response.headers();
        if (status == 304) {
            return new FetchResult.NotModified(request.url(), finalUrl);
        }
        if (status == 429 || status == 503) {
            String retryAfter = headers.get("retry-after");
            Duration retry = retryAfter == null ? null : parseRetryAfter(retryAfter).orElse(null);
            return new FetchResult.Failed(request.url(), FetchOutcome.HTTP_ERROR, status, "HTTP " + status, retry);
        }
        if (status < 200 || status >= 300) {
            return new FetchResult.Failed(request.url(), FetchOutcome.HTTP_ERROR, status, "HTTP " + status);
        }
        String contentType = Optional.ofNullable(headers.get("content-type")).orElse("");
        if (!acceptable(request.expect(), contentType)) {
            return new FetchResult.Failed(request.url(), FetchOutcome.NOT_HTML, status,
                    "content-type " + (contentType.isEmpty() ? "(none)" : contentType));
        }
        byte[] body;
        try {
            body = CappedBody.decode(response.body(), headers.get("content-encoding"), settings.maxBodyBytes());
        } catch (CappedBody.TooLargeException e) {
            return new FetchResult.Failed(request.url(), FetchOutcome.TOO_LARGE, status, e.getMessage() + " after decompression");
        } catch (IOException e) {
            return new FetchResult.Failed(request.url(), FetchOutcome.NETWORK_ERROR, status, "bad compressed body: " + describe(e));
        }
        if (request.expect() == FetchRequest.Expect.HTML && looksBinary(body)) {
            return new FetchResult.Failed(request.url(), FetchOutcome.NOT_HTML, status, "binary body labelled " + contentType);
        }
        CharsetSniffer.Decoded decoded = CharsetSniffer.decode(body, contentType);
        LOG.debug("fetched {} -> {} ({} bytes, {})", request.url(), status, body.length, decoded.charset());
        return new FetchResult.Page(request.url(), finalUrl, status, contentType, decoded.text(),
                decoded.charset().name(), headers.get("etag"), headers.get("last-modified"));
    }

    static String accept(FetchRequest.Expect expect) {
        return switch (expect) {
            case HTML -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
            case FEED -> "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";
            case TEXT -> "text/plain,*/*;q=0.1";
            case JSON -> "application/json,*/*;q=0.1";
        };
    }

    static boolean acceptable(FetchRequest.Expect expect, String contentType) {
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (ct.isBlank()) {
            return true; // sniffed later; servers often omit it
        }
        return switch (expect) {
            case HTML -> ct.startsWith("text/html") || ct.startsWith("application/xhtml");
            case FEED -> ct.contains("xml") || ct.startsWith("text/");
            case TEXT -> ct.startsWith("text/");
            case JSON -> ct.contains("json");
        };
    }

    /** NUL bytes or a high share of control characters in the first KB: not text. */
    static boolean looksBinary(byte[] body) {
        int n = Math.min(body.length, 1024);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = body[i] & 0xFF;
            if (c == 0) {
                return !(n > 1 && (body[0] == (byte) 0xFF || body[0] == (byte) 0xFE)); // UTF-16 with BOM is text
            }
            if (c < 9 || (c > 13 && c < 32)) {
                control++;
            }
        }
        return n > 0 && control * 10 > n;
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(Exception e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Cancels every exchange in progress (each ends as a network error): for a stop that cannot wait. */
    public void cancelAll() {
        http.cancelAll();
    }

    @Override
    public void close() {
        http.close();
    }
}
