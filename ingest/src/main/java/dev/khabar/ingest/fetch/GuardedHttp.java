package dev.khabar.ingest.fetch;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One HTTP exchange at a time, held to the address guard on the connection itself: the client
 * connects only to addresses the guard accepted in the same look-up ({@link GuardedDns}), and its
 * sockets check address and port before they connect ({@link GuardedSocketFactory}: IP-literal
 * hosts, which skip the look-up, included). Bodies are read under the cap or cut off, never
 * drained at length.
 *
 * <p>OkHttp, for those hooks: JDK 17's {@code HttpClient} resolves names itself, so the address it
 * connected to could differ from the one the guard had vetted (DNS rebinding).
 */
final class GuardedHttp implements AutoCloseable {

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

    GuardedHttp(FetchSettings settings, AddressGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.client = new OkHttpClient.Builder()
                .followRedirects(false) // each hop is checked and paced by the fetcher
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
                .build();
    }

    /** A response's status and headers, and its body when it was a success (read within the cap). */
    record Exchange(int status, Headers headers, byte[] body) {
    }

    Exchange exchange(URI url, FetchRequest request, boolean firstHop) throws IOException {
        HttpUrl httpUrl = HttpUrl.parse(url.toString());
        if (httpUrl == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        Request.Builder b = new Request.Builder().url(httpUrl)
                .header("User-Agent", settings.userAgent())
                .header("Accept", PageFetcher.accept(request.expect()))
                // asked for here, so the client leaves the body compressed: the fetcher undoes it, under the cap
                .header("Accept-Encoding", "gzip")
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
                skip(call, body); // redirects, 304s, errors: no body needed
                return new Exchange(status, response.headers(), new byte[0]);
            }
            String contentType = Optional.ofNullable(response.header("content-type")).orElse("");
            if (!PageFetcher.acceptable(request.expect(), contentType)) {
                skip(call, body); // not what was asked for (a video when a page was): interpret() says so from the header
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

    /**
     * Leaves a body unread. Closing a response drains what is left of its body to reuse the connection;
     * a large or unbounded one is cut off instead, the connection dropped.
     */
    private static void skip(Call call, ResponseBody body) {
        long length = body.contentLength();
        if (length < 0 || length > DRAIN_LIMIT_BYTES) {
            call.cancel();
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

    /** Cancels every exchange in progress (each ends as an {@link IOException}). */
    void cancelAll() {
        client.dispatcher().cancelAll(); // the scoped clients share the dispatcher
    }

    @Override
    public void close() {
        client.connectionPool().evictAll(); // the scoped clients share this pool and dispatcher
        client.dispatcher().executorService().shutdown();
    }
}
