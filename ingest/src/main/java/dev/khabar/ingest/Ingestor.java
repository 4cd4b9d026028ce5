package dev.khabar.ingest;

import dev.khabar.ingest.extract.ArticleExtractor;
import dev.khabar.ingest.extract.ExtractedArticle;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.fetch.FetchRequest;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.PageFetcher;
import dev.khabar.ingest.frontier.SeenUrls;
import dev.khabar.ingest.frontier.UrlCanonicalizer;
import dev.khabar.ingest.publish.ArticlePublisher;
import dev.khabar.ingest.publish.RawArticles;
import dev.khabar.ingest.source.FeedEntry;
import dev.khabar.ingest.source.FeedParser;
import dev.khabar.ingest.source.Source;
import dev.khabar.schemas.RawArticle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers article URLs from sources, fetches, extracts and publishes each one once. Every URL
 * ends in a {@link FetchOutcome}, counted in metrics ({@code khabar.ingest.outcomes}), in the
 * {@link IngestReport} and told to the {@link IngestListener}.
 */
public final class Ingestor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final PageFetcher fetcher;
    private final ArticleExtractor extractor;
    private final ArticlePublisher publisher;
    private final MeterRegistry meters;
    private final IngestListener listener;
    private final SeenUrls seen = new SeenUrls();
    private final FeedParser feeds = new FeedParser(10_000);
    private final ExecutorService pool;
    private final Clock clock;
    private final Timer extractTimer;

    public Ingestor(PageFetcher fetcher, ArticleExtractor extractor, ArticlePublisher publisher, MeterRegistry meters,
                    IngestListener listener, int threads, Clock clock) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.publisher = publisher;
        this.meters = meters;
        this.listener = listener;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "khabar-fetch");
            t.setDaemon(true);
            return t;
        });
        this.extractTimer = Timer.builder("khabar.ingest.extract").description("time to extract one page").register(meters);
    }

    /** Polls every source once, fetches every new URL, and returns when all are done. */
    public IngestReport pollOnce(List<Source> sources) throws InterruptedException {
        IngestReport report = new IngestReport();
        List<Future<?>> work = new ArrayList<>();
        for (Source source : sources) {
            for (URI url : discover(source, report)) {
                work.add(pool.submit(() -> ingest(source, url, report)));
            }
        }
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.error("ingest task failed unexpectedly", e.getCause()); // ingest() catches everything it expects
            }
        }
        return report;
    }

    /** Polls each source on its own interval until interrupted, accumulating into {@code report}. */
    public void runContinuously(List<Source> sources, IngestReport report) throws InterruptedException {
        long[] nextPoll = new long[sources.size()];
        while (!Thread.currentThread().isInterrupted()) {
            long now = clock.millis();
            for (int i = 0; i < sources.size(); i++) {
                if (now >= nextPoll[i]) {
                    Source s = sources.get(i);
                    for (URI url : discover(s, report)) {
                        pool.submit(() -> ingest(s, url, report));
                    }
                    nextPoll[i] = now + s.pollInterval().toMillis();
                }
            }
            Thread.sleep(500);
        }
    }

    private List<URI> discover(Source source, IngestReport report) {
        List<URI> urls = new ArrayList<>();
        switch (source.type()) {
            case URL -> urls.add(source.url());
            case RSS, ATOM -> {
                FetchResult r = fetcher.fetch(FetchRequest.feed(source.url(), source.allowPrivate()));
                if (r instanceof FetchResult.Page page) {
                    try {
                        for (FeedEntry e : feeds.parse(page.body(), URI.create(page.finalUrl().toString()))) {
                            if (urls.size() < source.maxArticles()) {
                                urls.add(e.link());
                            }
                        }
                    } catch (Exception e) {
                        record(source, source.url(), FetchOutcome.EXTRACT_FAILED, "feed: " + e.getMessage(), report);
                    }
                } else if (r instanceof FetchResult.Failed f) {
                    record(source, source.url(), f.outcome(), "feed: " + f.message(), report);
                }
            }
        }
        return urls;
    }

    private void ingest(Source source, URI discovered, IngestReport report) {
        try {
            Optional<URI> canonical = UrlCanonicalizer.canonicalize(discovered);
            if (canonical.isEmpty()) {
                record(source, discovered, FetchOutcome.HTTP_ERROR, "not an http(s) URL", report);
                return;
            }
            if (!seen.claim(canonical.get().toString())) {
                record(source, discovered, FetchOutcome.DUPLICATE, "already fetched", report);
                return;
            }
            FetchResult result = fetcher.fetch(FetchRequest.page(canonical.get(), source.allowPrivate()));
            if (result instanceof FetchResult.Page page) {
                extractAndPublish(source, discovered, page, report);
            } else if (result instanceof FetchResult.Failed f) {
                record(source, discovered, f.outcome(), f.message(), report);
            } else {
                record(source, discovered, FetchOutcome.NOT_MODIFIED, "304", report);
            }
        } catch (RuntimeException e) {
            // a stage boundary: whatever went wrong with this URL, it is counted and the run goes on
            LOG.warn("unexpected failure ingesting {}", discovered, e);
            record(source, discovered, FetchOutcome.EXTRACT_FAILED, e.toString(), report);
        }
    }

    private void extractAndPublish(Source source, URI discovered, FetchResult.Page page, IngestReport report) {
        ExtractedArticle article = extractTimer.record(() -> extractor.extract(page.body(), page.finalUrl()));
        if (article == null || !article.hasBody()) {
            record(source, discovered, FetchOutcome.EXTRACT_FAILED, "no article body found", report);
            return;
        }
        String canonicalUrl = chooseCanonical(page.finalUrl(), article.canonicalUrl());
        String hash = RawArticles.contentHash(article);
        Optional<Integer> version = seen.nextVersion(canonicalUrl, hash);
        if (version.isEmpty()) {
            boolean sameUrl = canonicalUrl.equals(UrlCanonicalizer.canonicalize(page.finalUrl()).map(URI::toString).orElse(""));
            record(source, discovered, sameUrl ? FetchOutcome.UNCHANGED : FetchOutcome.DUPLICATE,
                    "same content as " + canonicalUrl, report);
            return;
        }
        RawArticle raw = RawArticles.from(article, source.id(), canonicalUrl, page.status(), clock.instant(), hash,
                version.get());
        try {
            publisher.publish(raw, PUBLISH_TIMEOUT);
            record(source, discovered, FetchOutcome.PUBLISHED, raw.getId(), report);
        } catch (ArticlePublisher.PublishException e) {
            seen.forget(canonicalUrl, hash);
            record(source, discovered, FetchOutcome.PUBLISH_FAILED, e.getMessage(), report);
        }
    }

    /**
     * The page's declared canonical URL when it stays on the same host (a page may not claim
     * another site's identity), else the fetched URL; both canonicalised.
     */
    static String chooseCanonical(URI fetched, String declared) {
        URI fetchedCanonical = UrlCanonicalizer.canonicalize(fetched).orElse(fetched);
        if (declared != null && !declared.isBlank()) {
            Optional<URI> d = UrlCanonicalizer.canonicalize(declared);
            if (d.isPresent() && d.get().getHost() != null && fetchedCanonical.getHost() != null
                    && sameSite(d.get().getHost(), fetchedCanonical.getHost())) {
                return d.get().toString();
            }
        }
        return fetchedCanonical.toString();
    }

    private static boolean sameSite(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        String y = b.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        return x.equals(y);
    }

    private void record(Source source, URI url, FetchOutcome outcome, String detail, IngestReport report) {
        report.add(source.id(), outcome);
        meters.counter("khabar.ingest.outcomes", "source", source.id(), "outcome", outcome.label()).increment();
        if (outcome.isFailure()) {
            LOG.info("{} {}: {}", outcome.label(), url, detail);
        } else {
            LOG.debug("{} {}: {}", outcome.label(), url, detail);
        }
        listener.onOutcome(source, url, outcome, detail);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        publisher.flush();
    }
}
