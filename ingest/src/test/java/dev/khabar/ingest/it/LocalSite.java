package dev.khabar.ingest.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on a loopback address for ingest tests: pages by path, answers that can
 * change between requests, ETag-based 304s, and a log of every request.
 */
final class LocalSite implements AutoCloseable {

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY each response waits ~40 ms
        // for a delayed ACK (Nagle), which would make the server, not the client, the thing measured
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A canned answer. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        static Answer html(String body) {
            return new Answer(200, "text/html; charset=utf-8", body, Map.of());
        }

        static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType, body, Map.of());
        }

        Answer with(String header, String value) {
            var h = new java.util.HashMap<>(headers);
            h.put(header, value);
            return new Answer(status, contentType, body, Map.copyOf(h));
        }
    }

    /** One request as the server saw it. */
    record Request(String path, long nanos, String ifNoneMatch) {
    }

    private final HttpServer server;
    private final Map<String, Function<Integer, Answer>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Request> log = new CopyOnWriteArrayList<>();

    LocalSite(String loopbackAddress) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/");
    }

    String url(String path) {
        return base().resolve(path).toString();
    }

    /** Serves {@code answer} at {@code path}, with a strong ETag and 304 for a matching If-None-Match. */
    LocalSite page(String path, Answer answer) {
        routes.put(path, n -> answer);
        return this;
    }

    /** Serves what {@code answers} gives for the n-th request (1-based) to {@code path}. */
    LocalSite dynamic(String path, Function<Integer, Answer> answers) {
        routes.put(path, answers);
        return this;
    }

    int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    List<Request> log() {
        return List.copyOf(log);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? ""
                : "?" + ex.getRequestURI().getRawQuery());
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        log.add(new Request(path, System.nanoTime(), inm));
        Function<Integer, Answer> route = routes.get(path);
        Answer a = route == null ? Answer.of(404, "text/plain", "not found") : route.apply(n);
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Integer.toHexString(a.body().hashCode()) + "\"";
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (a.status() == 200 && etag.equals(inm)) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("Content-Type", a.contentType());
        if (a.status() == 200) {
            ex.getResponseHeaders().add("ETag", etag);
        }
        ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    /** A small article page of a generic blog template. */
    static String article(String title, String body, String canonical) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " – Test Blog</title>"
                + (canonical == null ? "" : "<link rel=\"canonical\" href=\"" + canonical + "\">")
                + "</head><body><header><nav><a href=\"/\">Home</a></nav></header><main><article><h1>" + title
                + "</h1><p>" + body + "</p><p>" + body + " It continues with a second paragraph of real sentences, "
                + "long enough to count as the article body of a proper news page.</p></article></main>"
                + "<footer>© Test Blog</footer></body></html>";
    }

    static String rss(String... links) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>t</title><link>http://x/</link><description>d</description>");
        for (String l : links) {
            sb.append("<item><title>i</title><link>").append(l.replace("&", "&amp;")).append("</link></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
