package dev.khabar.ingest.it;

import static dev.khabar.ingest.it.LocalSite.Answer.html;
import static dev.khabar.ingest.it.LocalSite.Answer.of;
import static dev.khabar.ingest.it.LocalSite.article;
import static dev.khabar.ingest.it.LocalSite.rss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.RawArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** robots.txt, crawl-delay, Retry-After, conditional GET, canonical URLs and versions. */
@ExtendWith(EmbeddedKafkaExtension.class)
class IngestPolitenessIT {

    private final EmbeddedKafkaBroker kafka;

    IngestPolitenessIT(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
    }

    @Test
    void robotsTxtDisallowsAndItsCrawlDelaySpacesRequests() {
        IngestHarness h = new IngestHarness(kafka, "robots.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            site.page("/robots.txt", of(200, "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n"))
                    .page("/private/secret", html(article("Secret", "Should never be fetched by a polite crawler.", null)))
                    .page("/a", html(article("Open A", "The first open page of the site has news.", null)))
                    .page("/b", html(article("Open B", "The second open page of the site has more news.", null)))
                    .page("/feed", of(200, "application/rss+xml",
                            rss(site.url("/private/secret"), site.url("/a"), site.url("/b"))));
            List<Source> sources = List.of(Source.of("r", SourceType.RSS, URI.create(site.url("/feed")), Duration.ofHours(1), true));
            try (IngestService ingest = h.start("robots-1", sources)) {
                List<FetchLogEntry> log = h.runOnce(ingest, sources);
                assertThat(IngestHarness.outcomes(log)).isEqualTo(Map.of("published", 2L, "robots-denied", 1L));
            }
            assertThat(site.requests("/private/secret")).isZero();
            assertThat(site.requests("/robots.txt")).isEqualTo(1);
            List<Long> articleTimes = site.log().stream().filter(r -> r.path().equals("/a") || r.path().equals("/b"))
                    .map(LocalSite.Request::nanos).sorted().toList();
            assertThat(articleTimes).hasSize(2);
            assertThat(Duration.ofNanos(articleTimes.get(1) - articleTimes.get(0)))
                    .as("crawl-delay: 1 keeps requests a second apart").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void aHostTooSlowForItsPollGivesUpItsTurnAndNoOtherHostIsFetchedAgain() {
        // one frontier partition: both hosts come in the same polls, the slow one's entries first
        IngestHarness h = new IngestHarness(kafka, "budget.", 1);
        try (LocalSite slow = new LocalSite("127.0.0.1"); LocalSite fast = new LocalSite("127.0.0.2")) {
            slow.page("/robots.txt", of(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"));
            String[] slowUrls = stories(slow, "slow");
            String[] fastUrls = stories(fast, "fast");
            List<Source> sources = List.of(
                    Source.of("slow", SourceType.RSS, URI.create(slow.url("/feed")), Duration.ofHours(1), true),
                    Source.of("fast", SourceType.RSS, URI.create(fast.url("/feed")), Duration.ofHours(1), true));
            // a poll starts entries for a third of max.poll.interval.ms (2 s): six pages a second apart do not fit
            try (IngestService ingest = h.start("budget-1", sources, IngestHarness.FAST, IngestListener.NONE,
                    Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 6000), new SimpleMeterRegistry())) {
                Map<String, Long> outcomes = IngestHarness.outcomes(h.runOnce(ingest, sources));
                assertThat(outcomes).containsEntry("published", 12L).containsKey("deferred")
                        .containsOnlyKeys("published", "deferred");
            }
            for (LocalSite site : List.of(slow, fast)) {
                for (int i = 0; i < 6; i++) {
                    assertThat(site.requests("/story-" + i)).as("%s fetched once", site.url("/story-" + i)).isEqualTo(1);
                }
            }
            List<String> all = new java.util.ArrayList<>(List.of(slowUrls));
            all.addAll(List.of(fastUrls));
            assertThat(h.rawArticles()).extracting(RawArticle::getUrl).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void whileOneHostIsSlowTheWorkerKeepsPollingAndFetchingOtherHosts() throws Exception {
        // one frontier partition, so one worker polls both hosts; the slow host's page answers only when released
        IngestHarness h = new IngestHarness(kafka, "pipeline.", 1);
        CountDownLatch release = new CountDownLatch(1);
        try (LocalSite slow = new LocalSite("127.0.0.1"); LocalSite fast = new LocalSite("127.0.0.2")) {
            slow.dynamic("/held", n -> {
                awaitQuietly(release);
                return html(article("held story", "The slow site's only story.", null));
            });
            slow.page("/feed", of(200, "application/rss+xml", rss(slow.url("/held"))));
            String[] first = stories(fast, "fast");
            List<Source> both = List.of(
                    Source.of("slow", SourceType.RSS, URI.create(slow.url("/feed")), Duration.ofHours(1), true),
                    Source.of("fast", SourceType.RSS, URI.create(fast.url("/feed")), Duration.ofHours(1), true));
            FetchSettings patient = new FetchSettings(IngestHarness.FAST.userAgent(), Duration.ofSeconds(2),
                    Duration.ofSeconds(60), 1024 * 1024, 5, Duration.ZERO);
            try (IngestService ingest = h.start("pipeline-1", both, patient, IngestListener.NONE)) {
                ingest.discover(both, "first");
                awaitRequested(fast, first);
                // a later discovery: its entries come in later polls, while the slow page is still being fetched
                String[] later = new String[3];
                for (int i = 0; i < later.length; i++) {
                    fast.page("/later-" + i, html(article("later story " + i, "A later story " + i + ".", null)));
                    later[i] = fast.url("/later-" + i);
                }
                fast.page("/feed", of(200, "application/rss+xml", rss(later)));
                ingest.discover(both.subList(1, 2), "later");
                awaitRequested(fast, later);
                assertThat(slow.requests("/held")).as("the slow page is still being fetched").isEqualTo(1);
                assertThat(release.getCount()).isEqualTo(1);
                release.countDown();
                List<String> all = new java.util.ArrayList<>(List.of(first));
                all.addAll(List.of(later));
                all.add(slow.url("/held"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (h.rawArticles().size() < all.size() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(h.rawArticles()).extracting(RawArticle::getUrl).containsExactlyInAnyOrderElementsOf(all);
            } finally {
                release.countDown();
            }
            for (int i = 0; i < 3; i++) {
                assertThat(fast.requests("/later-" + i)).isEqualTo(1);
            }
        }
    }

    /** Waits (up to 20 s) until each of {@code urls} has been requested from {@code site}. */
    private static void awaitRequested(LocalSite site, String[] urls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!allRequested(site, urls) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(allRequested(site, urls)).as("every page of %s requested", site.base()).isTrue();
    }

    private static boolean allRequested(LocalSite site, String[] urls) {
        return java.util.Arrays.stream(urls).allMatch(u -> site.requests(URI.create(u).getPath()) > 0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String[] stories(LocalSite site, String name) {
        String[] urls = new String[6];
        for (int i = 0; i < urls.length; i++) {
            site.page("/story-" + i,
                    html(article(name + " story " + i, "Story " + i + " of the " + name + " site.", null)));
            urls[i] = site.url("/story-" + i);
        }
        site.page("/feed", of(200, "application/rss+xml", rss(urls)));
        return urls;
    }

    @Test
    void a503WithRetryAfterIsRetriedAfterThePause() {
        Duration gap = retriedOnceAfterA503("retry", "1", Map.of());
        assertThat(gap).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aRetryAfterLongerThanAnEntryMayWaitIsShortenedSoTheEntryWaitsInsteadOfGoingRoundTheFrontier() {
        // entries may wait a third of max.poll.interval.ms for their host (3 s): the host is paused 3/5 of that,
        // and the entry is retried once, never deferred
        Duration gap = retriedOnceAfterA503("longpause", "120", Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 9000));
        assertThat(gap).as("paused for 3/5 of the entry budget").isGreaterThanOrEqualTo(Duration.ofMillis(1750));
    }

    /**
     * A page answered 503 with {@code retryAfter} once, then an article: asserts it ends retrying once and
     * published, and returns the time between its two requests.
     */
    private Duration retriedOnceAfterA503(String name, String retryAfter, Map<String, Object> clientProperties) {
        IngestHarness h = new IngestHarness(kafka, name + ".");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            site.dynamic("/busy", n -> n == 1 ? of(503, "text/plain", "busy").with("Retry-After", retryAfter)
                            : html(article("Finally", "The server was busy at first and then answered.", null)))
                    .page("/feed", of(200, "application/rss+xml", rss(site.url("/busy"))));
            List<Source> sources = List.of(Source.of("r", SourceType.RSS, URI.create(site.url("/feed")), Duration.ofHours(1), true));
            try (IngestService ingest = h.start(name + "-1", sources, IngestHarness.FAST, IngestListener.NONE,
                    clientProperties, new SimpleMeterRegistry())) {
                assertThat(IngestHarness.outcomes(h.runOnce(ingest, sources)))
                        .isEqualTo(Map.of("retrying", 1L, "published", 1L));
            }
            List<LocalSite.Request> tries = site.log().stream().filter(r -> r.path().equals("/busy")).toList();
            assertThat(tries).hasSize(2);
            return Duration.ofNanos(tries.get(1).nanos() - tries.get(0).nanos());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "URL states on disk: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void recrawlsUseConditionalGetAndAChangedArticleBecomesTheNextVersion(boolean statesOnDisk,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path stateDir) {
        IngestHarness h = new IngestHarness(kafka, statesOnDisk ? "recrawl-disk." : "recrawl.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            String v1 = article("Council vote", "The council votes on the budget tonight.", null);
            String v2 = article("Council vote", "The council approved the budget late on Tuesday.", null);
            site.dynamic("/story", n -> html(n <= 2 ? v1 : v2))
                    .page("/feed", of(200, "application/rss+xml", rss(site.url("/story"))));
            // a tiny poll interval: every discovery counts as a recrawl
            List<Source> sources = List.of(Source.of("r", SourceType.RSS, URI.create(site.url("/feed")), Duration.ofMillis(2), true));
            try (IngestService ingest = statesOnDisk ? h.startWithStatesOnDisk("recrawl-1", sources, stateDir)
                    : h.start("recrawl-1", sources)) {
                assertThat(IngestHarness.outcomes(h.runOnce(ingest, sources))).isEqualTo(Map.of("published", 1L));
                assertThat(IngestHarness.outcomes(h.runOnce(ingest, sources))).isEqualTo(Map.of("not-modified", 1L));
                List<FetchLogEntry> third = h.runOnce(ingest, sources);
                assertThat(IngestHarness.outcomes(third)).isEqualTo(Map.of("published", 1L));
                assertThat(third.get(0).getVersion()).isEqualTo(2);
            }
            assertThat(site.log().stream().filter(r -> r.path().equals("/story")).map(LocalSite.Request::ifNoneMatch)
                    .skip(1).toList()).as("recrawls send the validator").allMatch(v -> v != null);
            List<RawArticle> raw = h.rawArticles();
            assertThat(raw).hasSize(2);
            assertThat(raw.get(0).getId()).isEqualTo(raw.get(1).getId());
            assertThat(raw).extracting(RawArticle::getVersion).containsExactlyInAnyOrder(1, 2);
        }
        assertThat(stateDir.resolve("url-states-recrawl-1")).as("the store is gone with the instance").doesNotExist();
    }

    @Test
    void trackingParametersAndRelCanonicalCollapseToOneArticle() {
        IngestHarness h = new IngestHarness(kafka, "canon.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            String body = "The same story, syndicated under two addresses on one site.";
            site.page("/story", html(article("Story", body, null)))
                    .page("/amp/story", html(article("Story", body, site.url("/story"))))
                    .page("/feed", of(200, "application/rss+xml", rss(site.url("/story?utm_source=feed&utm_medium=rss"),
                            site.url("/story"), site.url("/amp/story"))));
            List<Source> sources = List.of(Source.of("r", SourceType.RSS, URI.create(site.url("/feed")), Duration.ofHours(1), true));
            try (IngestService ingest = h.start("canon-1", sources)) {
                assertThat(IngestHarness.outcomes(h.runOnce(ingest, sources)))
                        .isEqualTo(Map.of("published", 1L, "duplicate", 2L));
            }
            assertThat(site.requests("/story")).as("utm variant is the same URL").isEqualTo(1);
            assertThat(h.rawArticles()).singleElement()
                    .satisfies(a -> assertThat(a.getCanonicalUrl()).isEqualTo(site.url("/story")));
        }
    }
}
