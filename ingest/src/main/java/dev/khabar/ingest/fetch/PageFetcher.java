package dev.khabar.ingest.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one URL politely and safely: per-host pacing, an address guard on every hop (on the
 * URL, on the DNS answer the client connects to, and on the address it is connected to), manual
 * redirects with a limit, a body cap on the wire and after decompression, a deadline for the
 * whole exchange, conditional GET, and charset detection. Every outcome is a {@link FetchResult}.
 *
 * <p>The HTTP client is OkHttp, for its resolver and socket hooks: JDK 17's {@code HttpClient}
 * resolves names itself, so the address it connected to could differ from the one the guard had
 * vetted. Here the client connects only to addresses the guard accepted ({@link GuardedDns}), its
 * sockets check address and port before they connect ({@link GuardedSocketFactory}), and the
 * connection reached is checked again before a request is written. Calls are synchronous, on the
 * fetching thread (no thread per request).
 */
public final class PageFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);

    /** How long after the request timeout a body still arriving is given up. */
    private static final long DEADLINE_SLACK_MS = 1000;
    /** A body not wanted (a redirect's, an error page's) is read to its end to keep the connection only up to this. */
    private static final long DRAIN_LIMIT_BYTES = 64 * 1024;

    private final FetchSettings settings;
    private final AddressGuard guard;
    /** For requests that may reach public addresses only. */
    private final OkHttpClient client;
    /** For requests that may reach a source's private host: one per such host, each with its own resolver. */
    private final ConcurrentHashMap<String, OkHttpClient> scopedClients = new ConcurrentHashMap<>();
    private final HostPacer pacer = new HostPacer();
    private final ConcurrentHashMap<String, Duration> hostDelays = new ConcurrentHashMap<>();

    public PageFetcher(FetchSettings settings, AddressGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.client = new OkHttpClient.Builder()
                .followRedirects(false) // each hop is checked and paced here
                .followSslRedirects(false)
                .proxy(Proxy.NO_PROXY) // the guard judges the address connected to, which a proxy would hide
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.requestTimeout())
                .writeTimeout(settings.requestTimeout())
                // the whole exchange, a body dripping a byte at a time included (HostilePagesIT)
                .callTimeout(settings.requestTimeout().plusMillis(DEADLINE_SLACK_MS))
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectionPool(new ConnectionPool(64, 2, TimeUnit.MINUTES))
                .dns(new GuardedDns(guard, null))
                .socketFactory(new GuardedSocketFactory(guard, null))
                .addNetworkInterceptor(this::refuseUnlessConnectedAddressAllowed)
                .build();
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
            Exchange response;
            try (HostPacer.Turn turn = pacer.awaitTurn(url.getHost(),
                    hostDelays.getOrDefault(url.getHost().toLowerCase(Locale.ROOT), settings.perHostDelay()))) {
                response = exchange(url, request, hop == 0);
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

    /** A response's status and headers, and its body when it was a success (read within the cap). */
    private record Exchange(int status, Headers headers, byte[] body) {
    }

    /** The private scope a request carries to the check of the address its connection reached. */
    private record Scope(URI privateScope) {
    }

    private Exchange exchange(URI url, FetchRequest request, boolean firstHop) throws IOException {
        HttpUrl httpUrl = HttpUrl.parse(url.toString());
        if (httpUrl == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        Request.Builder b = new Request.Builder().url(httpUrl)
                .header("User-Agent", settings.userAgent())
                .header("Accept", accept(request.expect()))
                // asked for here, so the client leaves the body compressed: it is undone below, under the cap
                .header("Accept-Encoding", "gzip")
                .tag(Scope.class, new Scope(request.guardScope()))
                .get();
        // validators as the server sent them, if a header can carry them (a non-ASCII one is left out: the fetch
        // is then unconditional, rather than failing for ever)
        if (firstHop && isHeaderValue(request.etag())) {
            b.header("If-None-Match", request.etag());
        }
        if (firstHop && isHeaderValue(request.lastModified())) {
            b.header("If-Modified-Since", request.lastModified());
        }
        Call call = clientFor(request.guardScope()).newCall(b.build());
        try (Response response = call.execute()) {
            int status = response.code();
            ResponseBody body = response.body();
            if (status < 200 || status >= 300) {
                // redirects, 304s, errors: no body needed. Closing a response drains what is left of its body to
                // reuse the connection; a large or unbounded one is cut off instead, the connection dropped.
                long length = body.contentLength();
                if (length < 0 || length > DRAIN_LIMIT_BYTES) {
                    call.cancel();
                }
                return new Exchange(status, response.headers(), new byte[0]);
            }
            String contentType = Optional.ofNullable(response.header("content-type")).orElse("");
            if (!acceptable(request.expect(), contentType)) {
                // not what was asked for (a video when a page was): interpret() says so from the header alone
                long length = body.contentLength();
                if (length < 0 || length > DRAIN_LIMIT_BYTES) {
                    call.cancel();
                }
                return new Exchange(status, response.headers(), new byte[0]);
            }
            try {
                if (body.contentLength() > settings.maxBodyBytes()) {
                    throw new CappedBody.TooLargeException(settings.maxBodyBytes()); // declared too large: not read at all
                }
                return new Exchange(status, response.headers(), CappedBody.read(body.source(), settings.maxBodyBytes()));
            } catch (CappedBody.TooLargeException e) {
                call.cancel(); // closes the socket: the rest of the body is not drained
                throw e;
            }
        }
    }

    private static boolean isHeaderValue(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private OkHttpClient clientFor(URI privateScope) {
        if (privateScope == null || privateScope.getHost() == null) {
            return client;
        }
        // the connection pool keys connections by their resolver: one opened for this scope stays in it
        return scopedClients.computeIfAbsent(privateScope.getHost().toLowerCase(Locale.ROOT),
                host -> client.newBuilder().dns(new GuardedDns(guard, privateScope))
                        .socketFactory(new GuardedSocketFactory(guard, privateScope)).build());
    }

    /**
     * The last check, on the connection a request is about to be written to: the address and port it
     * reached must be ones the guard allows the request's source, whatever the name resolved to.
     */
    private Response refuseUnlessConnectedAddressAllowed(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        Connection connection = chain.connection();
        if (connection != null) {
            InetSocketAddress to = connection.route().socketAddress();
            Scope scope = request.tag(Scope.class);
            Optional<String> refusal = guard.findRefusal(request.url().host(), to.getPort(),
                    new InetAddress[] {to.getAddress()}, scope == null ? null : scope.privateScope());
            if (refusal.isPresent()) {
                throw new GuardedDns.RefusedAddressException(refusal.get());
            }
        }
        return chain.proceed(request);
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

    private FetchResult interpret(FetchRequest request, URI finalUrl, Exchange response) {
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

    private static String accept(FetchRequest.Expect expect) {
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
        client.dispatcher().cancelAll(); // the scoped clients share the dispatcher
    }

    @Override
    public void close() {
        client.connectionPool().evictAll(); // the scoped clients share this pool and dispatcher
        client.dispatcher().executorService().shutdown();
    }
}
