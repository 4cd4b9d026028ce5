package dev.khabar.console.bench;

import com.sun.net.httpserver.HttpServer;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.extract.ArticleExtractor;
import dev.khabar.ingest.fetch.AddressGuard;
import dev.khabar.ingest.fetch.FetchRequest;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.fetch.PageFetcher;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest throughput (fetch + extract + publish, politeness off) beside the raw HTTP fetch rate of
 * the same local server with the same concurrency, in one run. Pages are spread over several
 * loopback hosts because ingest serves each host with one request at a time.
 */
final class IngestBenchmark {

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY each response waits ~40 ms
        // for a delayed ACK (Nagle), which would make the server, not the client, the thing measured
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final int WARM_UP_SECONDS = 10;

    private IngestBenchmark() {
    }

    private static long warmUpExtraction(byte[] page, int seconds) {
        ArticleExtractor extractor = new ArticleExtractor();
        String html = new String(page, StandardCharsets.UTF_8);
        URI url = URI.create("https://bench.example/p/0");
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < deadline) {
            extractor.extract(html, url);
            n++;
        }
        return n;
    }

    /**
     * @param latencyMillis how long each server takes before it answers a page, as a remote site would
     * @param paragraphs    paragraphs of article text on each page (14: ~4.8 KB)
     * @param warmUpRounds  full raw + ingest rounds run and discarded before the measured one
     */
    static void run(int pages, int hosts, int threads, int latencyMillis, int paragraphs, int warmUpRounds,
                    Map<String, String> clientProperties, PrintStream out) throws Exception {
        List<HttpServer> servers = new ArrayList<>();
        List<URI> urls = new ArrayList<>();
        byte[] page = pageBytes(paragraphs);
        List<Source> sources = new ArrayList<>();
        try {
            for (int h = 1; h <= hosts; h++) {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + h), 0), 0);
                // as many server threads as fetch threads, so a server never queues a request the fetcher let through
                s.setExecutor(Executors.newFixedThreadPool(Math.max(2, threads)));
                int perHost = pages / hosts;
                String base = "http://127.0.0." + h + ":" + s.getAddress().getPort();
                StringBuilder sitemap = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
                for (int i = 0; i < perHost; i++) {
                    urls.add(URI.create(base + "/p/" + i));
                    sitemap.append("<url><loc>").append(base).append("/p/").append(i).append("</loc></url>");
                }
                byte[] sm = sitemap.append("</urlset>").toString().getBytes(StandardCharsets.UTF_8);
                s.createContext("/", ex -> {
                    String path = ex.getRequestURI().getPath();
                    byte[] body = path.equals("/sitemap.xml") ? sm : path.startsWith("/p/") ? page : null;
                    if (body == page && latencyMillis > 0) {
                        sleepQuietly(latencyMillis);
                    }
                    if (body == null) {
                        ex.sendResponseHeaders(404, -1);
                    } else {
                        ex.getResponseHeaders().add("Content-Type", path.endsWith(".xml") ? "application/xml" : "text/html; charset=utf-8");
                        ex.sendResponseHeaders(200, body.length);
                        ex.getResponseBody().write(body);
                    }
                    ex.close();
                });
                s.start();
                servers.add(s);
                sources.add(new Source("host" + h, SourceType.SITEMAP, URI.create(base + "/sitemap.xml"), Duration.ofHours(1),
                        true, pages, null, null, 1, 0));
            }
            // the raw fetch takes the pages host by host in turn, so its threads, like ingest's, are on different
            // hosts (the fetcher keeps one request per host at a time, raw or not)
            urls = interleaveHosts(urls, hosts);
            FetchSettings fast = new FetchSettings("KhabarBench/1", Duration.ofSeconds(5), Duration.ofSeconds(10),
                    4 * 1024 * 1024, 3, Duration.ZERO);
            out.printf("%d pages of %d bytes on %d loopback hosts answering after %d ms, %d fetch threads%n", urls.size(),
                    page.length, hosts, latencyMillis, threads);
            // JIT warm-up for both sides, as JMH does: each runs in full (ingest on a broker of its own) and is
            // discarded, warmUpRounds times, so neither is measured while the compiler works on its code (on two
            // cores the compiler's queue takes a minute or more to drain)
            out.printf("warm-up: %,d extractions in %d s%n", warmUpExtraction(page, WARM_UP_SECONDS), WARM_UP_SECONDS);
            for (int round = 1; round <= warmUpRounds; round++) {
                out.printf("warm-up round %d: raw %,.0f pages/s, ingest %,.0f pages/s%n", round,
                        rawFetchRate(fast, urls, threads), ingestRate(fast, sources, urls.size(), threads, clientProperties)[0]);
            }
            long cpu = BenchKafka.processCpuNanos();
            long compiling = BenchKafka.compilerMillis();
            double raw = rawFetchRate(fast, urls, threads);
            double rawCpu = (BenchKafka.processCpuNanos() - cpu) / 1e6 / urls.size();
            out.printf("raw HTTP fetch:                     %,.0f pages/s, %.2f ms CPU per page (JIT compiler %.2f ms)%n",
                    raw, rawCpu, (double) (BenchKafka.compilerMillis() - compiling) / urls.size());
            compiling = BenchKafka.compilerMillis();
            double[] ingestAndCpu = ingestRate(fast, sources, urls.size(), threads, clientProperties);
            double ingest = ingestAndCpu[0];
            out.printf("ingest (fetch+extract+publish):     %,.0f pages/s, %.2f ms CPU per page (JIT compiler %.2f ms,"
                            + " extraction %.2f ms)%n", ingest, ingestAndCpu[1],
                    (double) (BenchKafka.compilerMillis() - compiling) / urls.size(), ingestAndCpu[2]);
            out.printf("ratio ingest/raw:                   %.2f%n", ingest / raw);
            out.printf("CPU cores of this machine:          %d%n", Runtime.getRuntime().availableProcessors());
            out.printf("heap used after the run:            %d MB%n", BenchKafka.usedHeapMb());
        } finally {
            servers.forEach(s -> s.stop(0));
        }
    }

    private static double rawFetchRate(FetchSettings settings, List<URI> urls, int threads) throws Exception {
        PageFetcher fetcher = new PageFetcher(settings, AddressGuard.system());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < urls.size()) {
                        FetchResult r = fetcher.fetch(FetchRequest.page(urls.get(i), true));
                        if (!(r instanceof FetchResult.Page)) {
                            throw new IllegalStateException("fetch failed: " + r);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            return urls.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * @return pages/s and CPU ms per page (this JVM: fetch, extraction, broker), both over the same
     *     span, and the mean wall time of one extraction inside ingest in ms
     */
    private static double[] ingestRate(FetchSettings settings, List<Source> sources, int pages, int threads,
                                       Map<String, String> clientProperties) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            Topics t = new Topics("bench.");
            broker.createTopics(threads * 2, t.frontier(), t.raw(), t.fetchLog(), t.ingestState());
            AtomicInteger done = new AtomicInteger();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            IngestListener count = (s, u, o, d) -> done.incrementAndGet();
            Map<String, Object> clients = Map.copyOf(clientProperties);
            try (IngestService ingest = IngestService.start(new IngestService.Options("bench-ingest", "bench", threads,
                            settings, Duration.ofSeconds(1)), broker.bootstrapServers(), clients, t, sources,
                    meters, count, Clock.systemUTC())) {
                Thread.sleep(3000); // group join
                long start = System.nanoTime();
                long cpu = BenchKafka.processCpuNanos();
                int enqueued = ingest.discover(sources, null).enqueued();
                BenchKafka.await(() -> done.get() >= enqueued, Duration.ofMinutes(10), "ingest of " + enqueued + " pages");
                return new double[] {pages / ((System.nanoTime() - start) / 1e9),
                    (BenchKafka.processCpuNanos() - cpu) / 1e6 / pages,
                    meters.timer("khabar.ingest.extract").mean(java.util.concurrent.TimeUnit.MICROSECONDS) / 1000};
            }
        }
    }

    /** {@code urls} grouped by host (equal groups, in order) reordered to take one of each host in turn. */
    private static List<URI> interleaveHosts(List<URI> urls, int hosts) {
        int perHost = urls.size() / hosts;
        List<URI> out = new ArrayList<>(urls.size());
        for (int i = 0; i < perHost; i++) {
            for (int h = 0; h < hosts; h++) {
                out.add(urls.get(h * perHost + i));
            }
        }
        return out;
    }

    private static void sleepQuietly(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An article page: chrome, a body of {@code paragraphs} paragraphs, a sidebar (~4.8 KB with 14, ~1.6 KB with 2). */
    private static byte[] pageBytes(int paragraphs) {
        StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Council approves budget – City News</title><meta property=\"og:site_name\" content=\"City News\">"
                + "<meta property=\"article:published_time\" content=\"2024-06-21T10:00:00+05:30\"></head><body>"
                + "<header><nav><a href=\"/\">Home</a> <a href=\"/city\">City</a> <a href=\"/sport\">Sport</a></nav></header>"
                + "<main><article><h1>Council approves budget</h1><p class=\"byline\">By A. Reporter</p>");
        for (int i = 0; i < paragraphs; i++) {
            sb.append("<p>The city council approved the budget after a long debate about schools, buses and the library; ")
                    .append("members from every ward spoke, and the mayor promised a review of contracts within a month. ")
                    .append("Paragraph ").append(i).append(" adds detail about the plan and what it means for residents.</p>");
        }
        sb.append("</article><aside><h3>Most read</h3><ul>");
        for (int i = 0; i < 10; i++) {
            sb.append("<li><a href=\"/story/").append(i).append("\">Another story number ").append(i).append("</a></li>");
        }
        return sb.append("</ul></aside></main><footer>© City News</footer></body></html>").toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
