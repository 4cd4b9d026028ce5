package dev.khabar.console.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bundled sample blog site that {@code khabar demo} ingests: static pages from the classpath
 * ({@code /sample-site/}) served over HTTP by the JDK's {@link HttpServer}.
 *
 * <p>Pages carry the placeholder {@code {{BASE}}} wherever an absolute URL is needed; it is replaced at serve
 * time by {@code http://HOST:PORT} as the client addressed the server (its {@code Host} header), or by
 * {@link #baseUri()} without the trailing slash when that header is missing or odd. Responses carry a strong
 * {@code ETag} (a hash of the bytes served) and a {@code Last-Modified} date (the feed's {@code lastBuildDate}),
 * and conditional requests get {@code 304 Not Modified}. Unknown paths get 404, paths with {@code .} or
 * {@code ..} segments (also percent-encoded) get 400, and only GET and HEAD are allowed.
 *
 * <p>Article paths are relative to the base without a leading slash, e.g.
 * {@code hi/2024/06/russia-north-korea-defence-pact.html}, the same form as in
 * {@code sample-site/expected-labels.tsv}.
 */
public final class SampleSite implements AutoCloseable {

    static {
        // without TCP_NODELAY the JDK server answers about 20 requests/s (Nagle against delayed ACKs)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }


    /** Classpath folder holding the site. */
    public static final String RESOURCE_ROOT = "/sample-site/";
    /** Classpath resource with {@code path<TAB>comma-separated labels} for every article. */
    public static final String EXPECTED_LABELS = RESOURCE_ROOT + "expected-labels.tsv";

    static final String PLACEHOLDER = "{{BASE}}";
    static final String FEED = "feed.xml";
    private static final int THREADS = 2;
    private static final Pattern HOST_HEADER =
            Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final String defaultBase;
    private final Instant lastModified;
    private final List<String> articlePaths;
    private final ConcurrentMap<String, Page> pages = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SampleSite(HttpServer server, ExecutorService executor, URI baseUri, Instant lastModified,
                       List<String> articlePaths) {
        this.server = server;
        this.executor = executor;
        this.baseUri = baseUri;
        String b = baseUri.toString();
        this.defaultBase = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.lastModified = lastModified;
        this.articlePaths = articlePaths;
    }

    /** Serves the site on 127.0.0.1 at {@code port}, or on a free port when {@code port} is 0. */
    public static SampleSite start(int port) {
        return start("127.0.0.1", port);
    }

    /**
     * Serves the site on the address {@code bind} (e.g. {@code 127.0.0.1}, or {@code 0.0.0.0} in a container)
     * at {@code port}, or on a free port when {@code port} is 0.
     *
     * @throws UncheckedIOException if the address cannot be resolved or bound
     */
    public static SampleSite start(String bind, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        byte[] feed = resource(FEED).orElseThrow(() -> new IllegalStateException(
                "sample site resources missing from the classpath: " + RESOURCE_ROOT + FEED));
        SampleFeed parsed = SampleFeed.parse(feed);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        try {
            InetAddress address = InetAddress.getByName(bind);
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 50);
            InetAddress reachable = address.isAnyLocalAddress()
                    ? InetAddress.getByAddress(new byte[] {127, 0, 0, 1}) : address;
            String host = reachable instanceof Inet6Address
                    ? "[" + reachable.getHostAddress().replaceFirst("%.*$", "") + "]" : reachable.getHostAddress();
            URI base = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
            SampleSite site = new SampleSite(server, executor, base, parsed.lastModified(), parsed.articlePaths());
            server.createContext("/", site::handle);
            server.setExecutor(executor);
            server.start();
            return site;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot serve the sample site on " + bind + ":" + port, e);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** The site's root, {@code http://HOST:PORT/} (with the trailing slash). */
    public URI baseUri() {
        return baseUri;
    }

    /** The RSS 2.0 feed that lists every article. */
    public URI feedUri() {
        return baseUri.resolve(FEED);
    }

    /** The absolute URI of a site path such as {@code hi/2024/06/x.html} (a leading slash is ignored). */
    public URI uri(String path) {
        return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Every article's path, relative to {@link #baseUri()} and without a leading slash, in feed order. */
    public List<String> articlePaths() {
        return articlePaths;
    }

    /** The {@code Last-Modified} date every response carries. */
    public Instant lastModified() {
        return lastModified;
    }

    /** Article path → the category labels it should get (empty for none), from {@value #EXPECTED_LABELS}. */
    public static Map<String, Set<String>> expectedLabels() {
        byte[] tsv = resource("expected-labels.tsv").orElseThrow(() -> new IllegalStateException(
                "missing from the classpath: " + EXPECTED_LABELS));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String line : new String(tsv, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            Set<String> labels = cols.length < 2 || cols[1].isBlank() ? Set.of()
                    : Arrays.stream(cols[1].split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            out.put(cols[0].strip().replaceFirst("^/", ""), labels);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Stops the server and its threads. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once {@link #close()} has stopped the server's threads. */
    boolean stopped() {
        return closed.get() && executor.isTerminated();
    }

    @Override
    public String toString() {
        return "SampleSite[" + baseUri + "]";
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try {
            respond(exchange);
        } catch (RuntimeException e) {
            send(exchange, 500, "Internal Server Error", false);
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "Method Not Allowed", head);
            return;
        }
        SitePaths.Resolved resolved = SitePaths.resolve(exchange.getRequestURI().getRawPath());
        if (resolved.status() != 200) {
            send(exchange, resolved.status(), resolved.status() == 400 ? "Bad Request" : "Not Found", head);
            return;
        }
        String base = baseFor(exchange.getRequestHeaders());
        Page page = base.equals(defaultBase)
                ? pages.computeIfAbsent(resolved.path(), p -> render(p, defaultBase).orElse(null))
                : render(resolved.path(), base).orElse(null);
        if (page == null) {
            send(exchange, 404, "Not Found", head);
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("ETag", page.etag());
        headers.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
        headers.set("Cache-Control", "no-cache");
        if (ConditionalGet.notModified(exchange.getRequestHeaders(), page.etag(), lastModified)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        headers.set("Content-Type", page.contentType());
        headers.set("X-Content-Type-Options", "nosniff");
        if (head) {
            headers.set("Content-Length", Integer.toString(page.body().length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, page.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page.body());
        }
    }

    private String baseFor(Headers requestHeaders) {
        String host = requestHeaders.getFirst("Host");
        if (host == null || !HOST_HEADER.matcher(host).matches()) {
            return defaultBase;
        }
        return "http://" + host.toLowerCase(Locale.ROOT);
    }

    private static void send(HttpExchange exchange, int status, String reason, boolean head) throws IOException {
        byte[] body = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " " + reason
                + "</title></head><body><h1>" + status + " " + reason + "</h1></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    // ------------------------------------------------------------------ paths and resources

    private static Optional<Page> render(String path, String base) {
        return resource(path).map(raw -> {
            byte[] body = new String(raw, StandardCharsets.UTF_8).replace(PLACEHOLDER, base)
                    .getBytes(StandardCharsets.UTF_8);
            return new Page(body, SitePaths.contentType(path), ConditionalGet.etag(body));
        });
    }

    static Optional<byte[]> resource(String path) {
        try (InputStream in = SampleSite.class.getResourceAsStream(RESOURCE_ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            // a classpath directory on some class loaders; nothing to serve
            return Optional.empty();
        }
    }

    private record Page(byte[] body, String contentType, String etag) {
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "khabar-sample-site-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
