package dev.khabar.console.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small news site on 127.0.0.1 for fault tests: {@code /a/<i>} article pages, an RSS feed of the
 * first {@link #publish(int) n} of them (newest first, at most a window of them) at
 * {@code /feed.xml}, and a count of requests per path.
 */
final class NewsSite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile int feedWindow;
    private volatile int published;

    NewsSite(int published) {
        this(published, Integer.MAX_VALUE);
    }

    /** @param feedWindow how many of the newest articles the feed lists */
    NewsSite(int published, int feedWindow) {
        this.published = published;
        this.feedWindow = feedWindow;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "news-site");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    URI feed() {
        return base().resolve("/feed.xml");
    }

    String articleUrl(int i) {
        return base().resolve("/a/" + i).toString();
    }

    /** Lists articles 0..n-1 in the feed from now on. */
    void publish(int n) {
        published = n;
    }

    int published() {
        return published;
    }

    /** Lists at most the newest {@code n} articles in the feed from now on (0: an empty feed). */
    void feedWindow(int n) {
        feedWindow = n;
    }

    int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests for article pages, all of them. */
    int articleRequests() {
        return requests.entrySet().stream().filter(e -> e.getKey().startsWith("/a/")).mapToInt(e -> e.getValue().get()).sum();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String body;
        String type = "text/html; charset=utf-8";
        if (path.equals("/feed.xml")) {
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                    + "<title>Fault news</title><link>" + base() + "</link><description>d</description>");
            int newest = published;
            for (int i = newest - 1; i >= Math.max(0, newest - feedWindow); i--) {
                sb.append("<item><title>Story ").append(i).append("</title><link>").append(articleUrl(i)).append("</link></item>");
            }
            body = sb.append("</channel></rss>").toString();
            type = "application/rss+xml; charset=utf-8";
        } else if (path.startsWith("/a/")) {
            body = article(path.substring(3));
        } else {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static String article(String n) {
        String p = "<p>Story " + n + " reports what the city council decided about the river embankment on day " + n
                + ", who spoke for and against it, and what the residents of ward " + n + " can expect next month.</p>";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story " + n + "</title></head><body>"
                + "<main><article><h1>Story " + n + "</h1>" + p + p.replace("reports", "also covers") + "</article></main>"
                + "</body></html>";
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
