package dev.khabar.ingest.frontier;

import dev.khabar.ingest.extract.ArticleExtractor;
import dev.khabar.ingest.extract.ExtractedArticle;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.fetch.FetchRequest;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.PageFetcher;
import dev.khabar.ingest.fetch.RobotsRules;
import dev.khabar.ingest.publish.RawArticles;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.WordPressPosts;
import dev.khabar.schemas.FrontierEntry;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.UrlState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what one frontier entry becomes: freshness check, robots.txt, conditional GET,
 * extraction, content-hash versioning, retries with backoff, and links to follow. Plain code:
 * the worker owns the Kafka side.
 */
public final class UrlProcessor {

    static final int MAX_ATTEMPTS = 3;
    /**
     * The longest a host is paused (Retry-After, backoff) with the default poll interval. A pause must
     * stay under a frontier entry's time budget (a third of {@code max.poll.interval.ms}, 200 s by
     * default): a longer one would make the host's entries give up their turn, go back to the frontier
     * and come again, over and over, until it ends. A shorter poll interval shortens it too
     * ({@link #maxPause(Duration)}).
     */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

    private final PageFetcher fetcher;
    private final RobotsRules robots;
    private final ArticleExtractor extractor;
    private final UrlStates states;
    private final Map<String, Source> sources;
    private final Clock clock;
    private final Timer extractTimer;
    private final Duration maxPause;

    public UrlProcessor(PageFetcher fetcher, RobotsRules robots, ArticleExtractor extractor, UrlStates states,
                        Map<String, Source> sources, Clock clock, MeterRegistry meters) {
        this(fetcher, robots, extractor, states, sources, clock, meters, MAX_BACKOFF);
    }

    /** @param maxPause the longest a host is paused: {@link #maxPause(Duration)} of the workers' entry budget */
    public UrlProcessor(PageFetcher fetcher, RobotsRules robots, ArticleExtractor extractor, UrlStates states,
                        Map<String, Source> sources, Clock clock, MeterRegistry meters, Duration maxPause) {
        this.maxPause = maxPause;
        this.fetcher = fetcher;
        this.robots = robots;
        this.extractor = extractor;
        this.states = states;
        this.sources = Map.copyOf(sources);
        this.clock = clock;
        this.extractTimer = Timer.builder("khabar.ingest.extract").description("time to extract one page").register(meters);
    }

    /**
     * The longest pause a host may be given when entries wait at most {@code entryBudget} for their
     * turn: three fifths of the budget, and never more than {@link #MAX_BACKOFF} (which is exactly three
     * fifths of the default 200 s). A paused host's entries then wait for it instead of going round the
     * frontier; one polled well before the pause began may still run out once, and comes back with a
     * whole budget.
     */
    public static Duration maxPause(Duration entryBudget) {
        Duration share = entryBudget.multipliedBy(3).dividedBy(5);
        return share.compareTo(MAX_BACKOFF) < 0 ? share : MAX_BACKOFF;
    }

    public Optional<Source> findSource(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** How long {@code url}'s host would make a request wait now (crawl-delay, Retry-After); zero if unknown. */
    public Duration hostReadyIn(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? Duration.ZERO : fetcher.hostReadyIn(host);
        } catch (IllegalArgumentException e) {
            return Duration.ZERO;
        }
    }

    public UrlResult process(FrontierEntry entry) {
        Source source = sources.get(entry.getSourceId());
        if (source == null) {
            return UrlResult.of(FetchOutcome.UNKNOWN_SOURCE, 0, "no source '" + entry.getSourceId() + "' here");
        }
        Optional<URI> canonical = UrlCanonicalizer.canonicalize(entry.getUrl());
        if (canonical.isEmpty()) {
            return UrlResult.of(FetchOutcome.HTTP_ERROR, 0, "not an http(s) URL");
        }
        URI url = canonical.get();
        Instant now = clock.instant();
        Optional<UrlState> known = states.find(url.toString());
        if (entry.getAttempt() == 1 && known.isPresent()
                && known.get().getLastFetched().isAfter(now.minus(source.pollInterval().dividedBy(2)))) {
            return UrlResult.of(FetchOutcome.DUPLICATE, 0, "fetched " + Duration.between(known.get().getLastFetched(), now)
                    .toSeconds() + " s ago");
        }
        if (entry.getPayload() != null) {
            return fromPayload(entry, source, url, now);
        }
        String etag = known.map(UrlState::getEtag).orElse(null);
        String lastModified = known.map(UrlState::getLastModified).orElse(null);
        // a source allowed to reach private addresses reaches only its own host's ones
        FetchRequest request = new FetchRequest(url, FetchRequest.Expect.HTML, source.allowPrivate(), etag, lastModified,
                source.url());
        Optional<String> refusal = fetcher.findRefusal(request);
        if (refusal.isPresent()) {
            // before robots.txt: a host the source may not reach is not asked anything, not even that
            return UrlResult.of(FetchOutcome.REFUSED_ADDRESS, 0, refusal.get())
                    .withStates(List.of(state(url.toString(), now, known.orElse(null), null, null, "refused-address")));
        }
        RobotsRules.Decision robot = robots.check(url, source.allowPrivate() ? source.url() : null);
        if (robot.deferred()) {
            return retryOrGiveUp(entry, url, FetchOutcome.ROBOTS_DENIED, 0, "robots.txt unavailable", Duration.ofMinutes(1));
        }
        if (!robot.allowed()) {
            return UrlResult.of(FetchOutcome.ROBOTS_DENIED, 0, "disallowed by robots.txt")
                    .withStates(List.of(state(url.toString(), now, known.orElse(null), null, null, "robots-denied")));
        }
        if (!robot.crawlDelay().isZero()) {
            fetcher.setHostDelay(url.getHost(), robot.crawlDelay());
        }
        FetchResult result = fetcher.fetch(request);
        if (result instanceof FetchResult.NotModified) {
            return UrlResult.of(FetchOutcome.NOT_MODIFIED, 304, "not modified")
                    .withStates(List.of(state(url.toString(), now, known.orElse(null), etag, lastModified, "not-modified")));
        }
        if (result instanceof FetchResult.Failed f) {
            if (retryable(f)) {
                Duration backoff = f.findRetryAfter().orElse(Duration.ofSeconds(1L << Math.min(entry.getAttempt() + 1, 8)));
                return retryOrGiveUp(entry, url, f.outcome(), f.status(), f.message(), backoff);
            }
            return UrlResult.of(f.outcome(), f.status(), f.message())
                    .withStates(List.of(state(url.toString(), now, known.orElse(null), null, null, f.outcome().label())));
        }
        FetchResult.Page page = (FetchResult.Page) result;
        ExtractedArticle article;
        try {
            article = extractTimer.record(() -> extractor.extract(page.body(), page.finalUrl()));
        } catch (RuntimeException | StackOverflowError e) {
            // the extraction stage boundary, as in the processor: a pathological page is extract-failed
            return UrlResult.of(FetchOutcome.EXTRACT_FAILED, page.status(), e.toString());
        }
        UrlResult r = publishIfChanged(entry, source, url, article, page.status(), now);
        // the fetched URL's state carries its validators (and, when it is the canonical URL, the content hash)
        List<UrlState> s = new ArrayList<>();
        boolean merged = false;
        for (UrlState st : r.states()) {
            if (st.getUrl().equals(url.toString())) {
                st = UrlState.newBuilder(st).setEtag(page.etag()).setLastModified(page.lastModified()).build();
                merged = true;
            }
            s.add(st);
        }
        if (!merged) {
            s.add(0, state(url.toString(), now, known.orElse(null), page.etag(), page.lastModified(), r.outcome().label()));
        }
        return r.withStates(s);
    }

    private UrlResult fromPayload(FrontierEntry entry, Source source, URI url, Instant now) {
        ExtractedArticle article;
        try {
            article = WordPressPosts.toArticle(entry.getPayload(), extractor);
        } catch (Exception e) {
            return UrlResult.of(FetchOutcome.EXTRACT_FAILED, 0, "WordPress post: " + e.getMessage());
        }
        UrlResult r = publishIfChanged(entry, source, url, article, 200, now);
        List<UrlState> s = new ArrayList<>(r.states());
        if (!s.isEmpty() && !s.get(0).getUrl().equals(url.toString())) {
            s.add(state(url.toString(), now, states.find(url.toString()).orElse(null), null, null, r.outcome().label()));
        }
        return r.withStates(s);
    }

    private UrlResult publishIfChanged(FrontierEntry entry, Source source, URI url, ExtractedArticle article, int status,
                                       Instant now) {
        if (article == null || !article.hasBody()) {
            return UrlResult.of(FetchOutcome.EXTRACT_FAILED, status, "no article body found");
        }
        String canonicalUrl = chooseCanonical(url, article.canonicalUrl());
        String hash = RawArticles.contentHash(article);
        UrlState known = states.find(canonicalUrl).orElse(null);
        if (known != null && hash.equals(known.getContentHash())) {
            FetchOutcome o = canonicalUrl.equals(url.toString()) ? FetchOutcome.UNCHANGED : FetchOutcome.DUPLICATE;
            return new UrlResult(o, status, "same content as " + canonicalUrl, null, List.of(), List.of());
        }
        int version = known == null || known.getContentHash() == null ? 1 : known.getVersion() + 1;
        RawArticle raw = RawArticles.from(article, source.id(), canonicalUrl, status, now, hash, version);
        UrlState content = UrlState.newBuilder(state(canonicalUrl, now, known, null, null, "published"))
                .setContentHash(hash).setVersion(version).setArticleId(raw.getId()).build();
        List<UrlState> s = new ArrayList<>();
        if (!canonicalUrl.equals(url.toString())) {
            s.add(content);
        }
        UrlResult r = new UrlResult(FetchOutcome.PUBLISHED, status, raw.getId(), raw, s, followUps(entry, source, article, now));
        if (canonicalUrl.equals(url.toString())) {
            // the fetched URL is the canonical one: its state carries the content hash too
            return new UrlResult(r.outcome(), r.status(), r.detail(), raw, List.of(content), r.followUps());
        }
        return r;
    }

    private List<FrontierEntry> followUps(FrontierEntry entry, Source source, ExtractedArticle article, Instant now) {
        if (entry.getDepth() >= source.followDepth()) {
            return List.of();
        }
        Set<String> links = new LinkedHashSet<>(article.readMoreLinks());
        links.addAll(article.links());
        List<FrontierEntry> out = new ArrayList<>();
        for (String link : links) {
            Optional<URI> c = UrlCanonicalizer.canonicalize(link);
            if (c.isPresent() && sameSite(c.get(), source.url()) && states.find(c.get().toString()).isEmpty()) {
                out.add(FrontierEntry.newBuilder().setUrl(c.get().toString()).setSourceId(source.id())
                        .setDiscoveredAt(now).setDepth(entry.getDepth() + 1).setRunId(entry.getRunId()).build());
            }
        }
        return out;
    }

    private UrlResult retryOrGiveUp(FrontierEntry entry, URI url, FetchOutcome outcome, int status, String detail,
                                    Duration backoff) {
        if (entry.getAttempt() >= MAX_ATTEMPTS) {
            return UrlResult.of(outcome, status, detail + " (gave up after " + entry.getAttempt() + " attempts)");
        }
        Duration pause = backoff.compareTo(maxPause) > 0 ? maxPause : backoff;
        fetcher.pauseHost(url.getHost(), pause);
        FrontierEntry retry = FrontierEntry.newBuilder(entry).setAttempt(entry.getAttempt() + 1).build();
        return new UrlResult(FetchOutcome.RETRYING, status, detail + "; retry " + retry.getAttempt() + " after "
                + pause.toMillis() + " ms", null, List.of(), List.of(retry));
    }

    private static boolean retryable(FetchResult.Failed f) {
        return switch (f.outcome()) {
            case TIMEOUT, NETWORK_ERROR -> true;
            case HTTP_ERROR -> f.status() == 429 || f.status() >= 500;
            default -> false;
        };
    }

    private static UrlState state(String url, Instant now, UrlState known, String etag, String lastModified, String outcome) {
        return UrlState.newBuilder()
                .setUrl(url).setLastFetched(now).setEtag(etag).setLastModified(lastModified)
                .setContentHash(known == null ? null : known.getContentHash())
                .setVersion(known == null ? 0 : known.getVersion())
                .setArticleId(known == null ? null : known.getArticleId())
                .setLastOutcome(outcome).build();
    }

    /**
     * The page's declared canonical URL when it stays on the same site (a page may not claim
     * another site's identity), else the fetched URL; both canonicalised.
     */
    public static String chooseCanonical(URI fetched, String declared) {
        URI fetchedCanonical = UrlCanonicalizer.canonicalize(fetched).orElse(fetched);
        if (declared != null && !declared.isBlank()) {
            Optional<URI> d = UrlCanonicalizer.canonicalize(declared);
            if (d.isPresent() && sameSite(d.get(), fetchedCanonical)) {
                return d.get().toString();
            }
        }
        return fetchedCanonical.toString();
    }

    static boolean sameSite(URI a, URI b) {
        if (a.getHost() == null || b.getHost() == null) {
            return false;
        }
        String x = withoutWww(a.getHost().toLowerCase(Locale.ROOT));
        String y = withoutWww(b.getHost().toLowerCase(Locale.ROOT));
        return x.equals(y);
    }

    private static String withoutWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
