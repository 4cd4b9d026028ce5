package dev.khabar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on 127.0.0.1: every answer becomes a typed result. */
class PageFetcherIT {

    private static final String PAGE = "<html><head><title>t</title></head><body><p>नमस्ते दुनिया</p></body></html>";

    private MockWebServer server;
    private PageFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        FetchSettings settings = new FetchSettings("KhabarTest/1", Duration.ofSeconds(2), Duration.ofSeconds(2),
                64 * 1024, 3, Duration.ZERO);
        fetcher = new PageFetcher(settings, AddressGuard.system());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI url(String path) {
        return server.url(path).uri();
    }

    private FetchResult fetch(String path) {
        return fetcher.fetch(FetchRequest.page(url(path), true));
    }

    @Test
    void aPageIsDecodedFromUtf8AndCarriesItsValidators() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                .addHeader("ETag", "\"v1\"").addHeader("Last-Modified", "Fri, 21 Jun 2024 10:00:00 GMT")
                .body(PAGE).build());

        FetchResult.Page page = (FetchResult.Page) fetch("/a");

        assertThat(page.body()).contains("नमस्ते दुनिया");
        assertThat(page.etag()).isEqualTo("\"v1\"");
        assertThat(page.lastModified()).isEqualTo("Fri, 21 Jun 2024 10:00:00 GMT");
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("KhabarTest/1");
    }

    @Test
    void aConditionalGetAnswered304IsNotModified() throws Exception {
        server.enqueue(new MockResponse.Builder().code(304).build());

        FetchResult r = fetcher.fetch(new FetchRequest(url("/a"), FetchRequest.Expect.HTML, true, "\"v1\"",
                "Fri, 21 Jun 2024 10:00:00 GMT"));

        assertThat(r).isInstanceOf(FetchResult.NotModified.class);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(request.getHeaders().get("If-Modified-Since")).isEqualTo("Fri, 21 Jun 2024 10:00:00 GMT");
    }

    @Test
    void redirectsAreFollowedUpToTheLimit() {
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/b").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body(PAGE).build());
        FetchResult.Page page = (FetchResult.Page) fetch("/a");
        assertThat(page.finalUrl().getPath()).isEqualTo("/b");

        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/loop").build());
        }
        assertThat(outcome(fetch("/loop"))).isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
    }

    @Test
    void bodiesOverTheCapAreTooLargeOnTheWireAndAfterDecompression() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("x".repeat(200 * 1024)).build());
        assertThat(outcome(fetch("/big"))).isEqualTo(FetchOutcome.TOO_LARGE);

        byte[] bomb = gzip(new byte[5 * 1024 * 1024]); // 5 MB of zeros in a few KB
        assertThat(bomb.length).isLessThan(64 * 1024);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .addHeader("Content-Encoding", "gzip").body(new Buffer().write(bomb)).build());
        FetchResult r = fetch("/bomb");
        assertThat(outcome(r)).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(((FetchResult.Failed) r).message()).contains("decompression");
    }

    @Test
    void gzipBodiesWithinTheCapAreDecoded() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                .addHeader("Content-Encoding", "gzip").body(new Buffer().write(gzip(PAGE.getBytes(StandardCharsets.UTF_8))))
                .build());
        assertThat(((FetchResult.Page) fetch("/gz")).body()).contains("नमस्ते");
    }

    @Test
    void nonHtmlAndBinaryBodiesAreNotHtml() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png").body("png").build());
        assertThat(outcome(fetch("/img"))).isEqualTo(FetchOutcome.NOT_HTML);
        byte[] binary = new byte[2048];
        new java.util.Random(1).nextBytes(binary);
        binary[10] = 0;
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body(new Buffer().write(binary)).build());
        assertThat(outcome(fetch("/bin"))).isEqualTo(FetchOutcome.NOT_HTML);
    }

    @Test
    void httpErrorsCarryTheStatusAndRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        FetchResult.Failed missing = (FetchResult.Failed) fetch("/missing");
        assertThat(missing.outcome()).isEqualTo(FetchOutcome.HTTP_ERROR);
        assertThat(missing.status()).isEqualTo(404);

        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
        FetchResult.Failed limited = (FetchResult.Failed) fetch("/busy");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.findRetryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void aSlowDripBodyTimesOut() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<p>" + "a".repeat(4000) + "</p>").throttleBody(100, 1, TimeUnit.SECONDS).build());
        assertThat(outcome(fetch("/slow"))).isEqualTo(FetchOutcome.TIMEOUT);
    }

    @Test
    void fetchingStartsNoThreadPerRequest() {
        // The fetcher once used the JDK's HttpClient.sendAsync(), which on two CPUs or fewer completed every exchange on a
        // new thread; a fetch runs on the calling thread, and the client's own threads (pool clean-up, deadlines) are few
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int pages = 60;
        for (int i = 0; i < pages; i++) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body(PAGE).build());
        }
        fetch("/warm-up");
        long before = threads.getTotalStartedThreadCount();

        for (int i = 1; i < pages; i++) {
            assertThat(fetch("/p" + i)).isInstanceOf(FetchResult.Page.class);
        }

        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(10);
    }

    @Test
    void aMislabelledWindows1252PageIsDecodedAsWindows1252() {
        byte[] cp1252 = "<html><body><p>Caf\u00e9 \u201cquotes\u201d</p></body></html>".getBytes(Charset.forName("windows-1252"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                .body(new Buffer().write(cp1252)).build());
        FetchResult.Page page = (FetchResult.Page) fetch("/cp");
        assertThat(page.body()).contains("Café “quotes”");
        assertThat(page.charset()).isEqualTo("windows-1252");
    }

    @Test
    void privateAddressesAreRefusedUnlessTheSourceAllowsThem() {
        // 127.0.0.1 is loopback: a public source may not fetch it, and no request is made
        FetchResult r = fetcher.fetch(FetchRequest.page(url("/a"), false));
        assertThat(outcome(r)).isEqualTo(FetchOutcome.REFUSED_ADDRESS);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aRedirectToAnAddressTheSourceMayNotReachIsRefused() throws Exception {
        // the injected resolver answers a private address for this name: nothing ever connects there
        AddressGuard guard = new AddressGuard(host -> host.equals("intranet.test")
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1})}
                : new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})});
        PageFetcher guarded = new PageFetcher(fetcher.settings(), guard);
        assertThat(guard.findRefusal(URI.create("http://intranet.test/"), false)).isPresent();
        assertThat(guard.findRefusal(URI.create("http://169.254.169.254/latest/meta-data"), false)).isPresent();
        assertThat(guard.findRefusal(URI.create("http://public.test/"), false)).isEmpty();
        assertThat(outcome(guarded.fetch(FetchRequest.page(URI.create("http://intranet.test/x"), false))))
                .isEqualTo(FetchOutcome.REFUSED_ADDRESS);
    }

    @Test
    void aSourceAllowedItsPrivateHostReachesOnlyItsOwnPortAndTheWebPortsThere() {
        AddressGuard guard = AddressGuard.system();
        URI source = URI.create("http://127.0.0.1:8000/feed.xml");

        assertThat(guard.findRefusal(URI.create("http://127.0.0.1:8000/post/1"), source)).isEmpty();
        assertThat(guard.findRefusal(URI.create("https://127.0.0.1/post/1"), source)).isEmpty();
        assertThat(guard.findRefusal(URI.create("http://127.0.0.1:80/post/1"), source)).isEmpty();
        assertThat(guard.findRefusal(URI.create("http://127.0.0.1:6379/"), source))
                .hasValueSatisfying(why -> assertThat(why).contains("port 6379"));
        assertThat(guard.findRefusal(URI.create("http://localhost:9200/_cat"), URI.create("http://localhost:8000/")))
                .isPresent();
        // a public address is not limited to any port
        AddressGuard publicOnly = new AddressGuard(host ->
                new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})});
        assertThat(publicOnly.findRefusal(URI.create("http://news.test:8080/"), source)).isEmpty();
    }

    @Test
    void aRedirectToAnotherPortOfThePrivateHostIsRefusedBeforeAnyRequestReachesIt() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", other.url("/admin").toString()).build());

            FetchResult r = fetcher.fetch(FetchRequest.page(url("/moved"), true));

            assertThat(outcome(r)).isEqualTo(FetchOutcome.REFUSED_ADDRESS);
            assertThat(other.getRequestCount()).isZero();
        }
    }

    /** 127.0.0.2 stands for a public address here, so that nothing in these tests leaves 127.0.0.0/8. */
    private static boolean nonPublicBut127002(InetAddress a) {
        return !a.getHostAddress().equals("127.0.0.2") && AddressGuard.isNonPublic(a);
    }

    @Test
    void aNameThatAnswersAPublicAddressToTheCheckAndAPrivateOneToTheConnectionIsRefused() throws Exception {
        try (MockWebServer internal = new MockWebServer()) {
            internal.start(InetAddress.getByName("127.0.0.3"), 0);
            internal.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body(PAGE).build());
            // DNS rebinding: the first answer (the fetcher's check) is "public", every later one private
            java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
            AddressGuard guard = new AddressGuard(host -> new InetAddress[] {InetAddress.getByAddress(host,
                    new byte[] {127, 0, 0, (byte) (lookups.getAndIncrement() == 0 ? 2 : 3)})},
                    PageFetcherIT::nonPublicBut127002);
            PageFetcher rebound = new PageFetcher(fetcher.settings(), guard);

            FetchResult r = rebound.fetch(FetchRequest.page(URI.create("http://rebind.test:" + internal.getPort() + "/admin"), false));

            assertThat(outcome(r)).isEqualTo(FetchOutcome.REFUSED_ADDRESS);
            assertThat(((FetchResult.Failed) r).message()).contains("127.0.0.3");
            assertThat(lookups.get()).isGreaterThanOrEqualTo(2); // checked, then resolved again to connect
            assertThat(internal.getRequestCount()).isZero();
            rebound.close();
        }
    }

    @Test
    void aRebindingNameCannotTakeAPrivateSourceToAnotherPortOfItsHost() throws Exception {
        // a bare listening socket: it shows whether anything so much as connected
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            // the source may reach its own host, 127.0.0.1, on its own port; "cdn.test" answers "public" to the
            // check (no port rule for public addresses), then the source's own address to the connection
            java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
            AddressGuard guard = new AddressGuard(host -> host.equals("cdn.test")
                    ? new InetAddress[] {InetAddress.getByAddress(host,
                            new byte[] {127, 0, 0, (byte) (lookups.getAndIncrement() == 0 ? 2 : 1)})}
                    : InetAddress.getAllByName(host), PageFetcherIT::nonPublicBut127002);
            PageFetcher rebound = new PageFetcher(fetcher.settings(), guard);
            URI target = URI.create("http://cdn.test:" + other.getLocalPort() + "/internal");

            FetchResult r = rebound.fetch(new FetchRequest(target, FetchRequest.Expect.HTML, true, null, null, url("/feed")));

            assertThat(outcome(r)).isEqualTo(FetchOutcome.REFUSED_ADDRESS);
            assertThat(((FetchResult.Failed) r).message()).contains("port " + other.getLocalPort());
            // the fetch is over: a connection it had opened would be waiting to be accepted
            other.setSoTimeout(300);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.accept().close())
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            rebound.close();
        }
    }

    @Test
    void aValidatorNoHeaderCanCarryIsLeftOutAndThePageFetchedInFull() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body(PAGE).build());

        FetchResult r = fetcher.fetch(new FetchRequest(url("/etag"), FetchRequest.Expect.HTML, true, "\"caf\u00e9\"",
                "Fri, 21 Jun 2024 10:00:00 GMT"));

        assertThat(r).isInstanceOf(FetchResult.Page.class);
        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getHeaders().get("If-None-Match")).isNull();
        assertThat(sent.getHeaders().get("If-Modified-Since")).isEqualTo("Fri, 21 Jun 2024 10:00:00 GMT");
    }

    @Test
    void cancellingEndsAFetchBlockedOnAServerThatNeverAnswers() throws Exception {
        // a server that accepts and then says nothing; the fetcher would wait a minute for it
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            PageFetcher patient = new PageFetcher(new FetchSettings("KhabarTest/1", Duration.ofSeconds(5),
                    Duration.ofSeconds(60), 64 * 1024, 3, Duration.ZERO), AddressGuard.system());
            java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var fetch = thread.submit(() -> patient.fetch(FetchRequest.page(
                        URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), true)));
                silent.accept(); // the request is on its way and will get no answer

                patient.cancelAll();

                FetchResult r = fetch.get(30, TimeUnit.SECONDS); // well inside the fetcher's own 60 s
                assertThat(outcome(r)).isEqualTo(FetchOutcome.NETWORK_ERROR);
            } finally {
                thread.shutdownNow();
                patient.close();
            }
        }
    }

    @Test
    void aDeadHostIsANetworkError() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        FetchResult r = fetcher.fetch(FetchRequest.page(URI.create("http://127.0.0.1:" + port + "/"), true));
        assertThat(outcome(r)).isEqualTo(FetchOutcome.NETWORK_ERROR);
    }

    private static FetchOutcome outcome(FetchResult r) {
        return r instanceof FetchResult.Failed f ? f.outcome() : null;
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
