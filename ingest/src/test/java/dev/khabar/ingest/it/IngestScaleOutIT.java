package dev.khabar.ingest.it;

import static dev.khabar.ingest.it.LocalSite.Answer.html;
import static dev.khabar.ingest.it.LocalSite.Answer.of;
import static dev.khabar.ingest.it.LocalSite.article;
import static dev.khabar.ingest.it.LocalSite.rss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.fetch.FetchOutcome;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several ingest instances on one frontier, and a restart that resumes. */
@ExtendWith(EmbeddedKafkaExtension.class)
class IngestScaleOutIT {

    private final EmbeddedKafkaBroker kafka;

    IngestScaleOutIT(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
    }

    @Test
    void twoInstancesShareTheFrontierAndFetchEveryUrlOnce() throws Exception {
        IngestHarness h = new IngestHarness(kafka, "scale.");
        List<LocalSite> sites = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        try {
            // three hosts on three loopback addresses, six articles each
            for (int s = 1; s <= 3; s++) {
                LocalSite site = new LocalSite("127.0.0." + s);
                List<String> links = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    site.page("/a" + i, html(article("Host " + s + " story " + i, "Story " + i + " on host " + s
                            + " reports local events in detail.", null)));
                    links.add(site.url("/a" + i));
                }
                site.page("/feed", of(200, "application/rss+xml", rss(links.toArray(String[]::new))));
                sites.add(site);
                sources.add(Source.of("host" + s, SourceType.RSS, URI.create(site.url("/feed")), Duration.ofHours(1), true));
            }
            Map<String, Set<String>> fetchedBy = new ConcurrentHashMap<>();
            try (IngestService one = h.start("scale-1", sources, IngestHarness.FAST,
                    (src, url, o, d) -> fetchedBy.computeIfAbsent("one", k -> ConcurrentHashMap.newKeySet()).add(url.toString()));
                 IngestService two = h.start("scale-2", sources, IngestHarness.FAST,
                    (src, url, o, d) -> fetchedBy.computeIfAbsent("two", k -> ConcurrentHashMap.newKeySet()).add(url.toString()))) {
                Thread.sleep(3000); // let the group settle on both instances
                // both instances discover: every URL is on the frontier twice
                one.discover(sources, null);
                List<FetchLogEntry> log = h.runOnce(two, sources);
                assertThat(log).hasSize(18);
                // wait for the first discovery's entries too
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (fetchedBy.values().stream().mapToInt(Set::size).sum() < 36 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            for (LocalSite site : sites) {
                for (int i = 0; i < 6; i++) {
                    assertThat(site.requests("/a" + i)).as(site.url("/a" + i)).isEqualTo(1);
                }
            }
            List<RawArticle> raw = h.rawArticles();
            assertThat(raw).hasSize(18);
            assertThat(raw.stream().map(RawArticle::getId).collect(Collectors.toSet())).hasSize(18);
            assertThat(fetchedBy.keySet()).as("both instances took part").containsExactlyInAnyOrder("one", "two");
        } finally {
            sites.forEach(LocalSite::close);
        }
    }

    @Test
    void eachInstanceHoldsOnlyItsSitesStatesAndTheOneLeftReadsTheOthersBeforeItTakesTheirEntries() throws Exception {
        IngestHarness h = new IngestHarness(kafka, "split."); // frontier and states: 3 partitions each
        List<LocalSite> sites = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        try {
            // five hosts, whose sites fall in all three partitions, four articles each
            for (int s = 1; s <= 5; s++) {
                LocalSite site = new LocalSite("127.0.0." + s);
                List<String> links = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    site.page("/a" + i, html(article("Site " + s + " story " + i, "Story " + i + " of site " + s
                            + " tells the district's news at length.", null)));
                    links.add(site.url("/a" + i));
                }
                site.page("/feed", of(200, "application/rss+xml", rss(links.toArray(String[]::new))));
                sites.add(site);
                sources.add(Source.of("site" + s, SourceType.RSS, URI.create(site.url("/feed")), Duration.ofHours(1), true));
            }
            try (IngestService one = h.start("split-1", sources)) {
                try (IngestService two = h.start("split-2", sources)) {
                    Thread.sleep(3000); // let the group settle on both instances
                    assertThat(IngestHarness.outcomes(h.runOnce(two, sources))).isEqualTo(Map.of("published", 20L));
                    // each URL's state is held by the one instance whose worker owns its site's partition
                    // (a partition that left an instance in a rebalance stays held there for a grace period)
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (one.urlStatesHeld() + two.urlStatesHeld() != 20 && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    assertThat(one.urlStatesHeld() + two.urlStatesHeld()).isEqualTo(20);
                    assertThat(one.urlStatesHeld()).isPositive();
                    assertThat(two.urlStatesHeld()).isPositive();
                }
                // the second instance is gone: the first reads its partitions' states before it takes their entries,
                // so every URL is known to have been fetched just now and none is fetched again
                assertThat(IngestHarness.outcomes(h.runOnce(one, sources))).isEqualTo(Map.of("duplicate", 20L));
                assertThat(one.urlStatesHeld()).isEqualTo(20);
            }
            for (LocalSite site : sites) {
                for (int i = 0; i < 4; i++) {
                    assertThat(site.requests("/a" + i)).as(site.url("/a" + i)).isEqualTo(1);
                }
            }
            assertThat(h.rawArticles()).hasSize(20);
        } finally {
            sites.forEach(LocalSite::close);
        }
    }

    @Test
    void partitionsAddedWhileAnInstanceRunsStopItLoudlyInsteadOfFetchingWithoutStates() throws Exception {
        IngestHarness h = new IngestHarness(kafka, "grown.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            site.page("/a", html(article("A story", "A story of the district, told at length for the record.", null)));
            site.page("/feed", of(200, "application/rss+xml", rss(site.url("/a"))));
            List<Source> sources = List.of(Source.of("site", SourceType.RSS, URI.create(site.url("/feed")),
                    Duration.ofHours(1), true));
            // metadata refreshed often, so that the group sees the new partitions soon
            Map<String, Object> quick = Map.of(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
            try (IngestService ingest = h.start("grown-1", sources, IngestHarness.FAST, (src, url, o, d) -> { }, quick,
                    new SimpleMeterRegistry()); Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                assertThat(IngestHarness.outcomes(h.runOnce(ingest, sources))).isEqualTo(Map.of("published", 1L));
                ingest.checkWorkers(); // all well

                admin.createPartitions(Map.of(h.topics.frontier(), NewPartitions.increaseTo(5),
                        h.topics.ingestState(), NewPartitions.increaseTo(5))).all().get(30, TimeUnit.SECONDS);

                // a worker given a new partition cannot know its states: the instance says so and stops
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                IllegalStateException stopped = null;
                while (stopped == null && System.nanoTime() < deadline) {
                    try {
                        ingest.checkWorkers();
                        Thread.sleep(200);
                    } catch (IllegalStateException e) {
                        stopped = e;
                    }
                }
                assertThat(stopped).isNotNull();
                assertThat(stopped).hasMessageContaining("restart ingest");
            }
            assertThat(site.requests("/a")).isEqualTo(1);
        }
    }

    @Test
    void anInstanceJoiningWhileAPageIsBeingFetchedTakesOverWithoutFetchingAnythingTwice() throws Exception {
        IngestHarness h = new IngestHarness(kafka, "handover.");
        CountDownLatch release = new CountDownLatch(1);
        try (LocalSite slow = new LocalSite("127.0.0.1"); LocalSite other = new LocalSite("127.0.0.2")) {
            // the slow host's first page answers only when released; its other pages wait behind it
            slow.dynamic("/held", n -> {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return html(article("Held story", "The held story arrives late but whole.", null));
            });
            List<String> urls = new ArrayList<>(List.of(slow.url("/held")));
            for (int i = 0; i < 3; i++) {
                slow.page("/s" + i, html(article("Slow story " + i, "Slow story " + i + " waits its turn.", null)));
                urls.add(slow.url("/s" + i));
            }
            slow.page("/feed", of(200, "application/rss+xml", rss(urls.toArray(String[]::new))));
            List<String> others = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                other.page("/o" + i, html(article("Other story " + i, "Other story " + i + " is quick.", null)));
                others.add(other.url("/o" + i));
            }
            other.page("/feed", of(200, "application/rss+xml", rss(others.toArray(String[]::new))));
            urls.addAll(others);
            List<Source> sources = List.of(
                    Source.of("slow", SourceType.RSS, URI.create(slow.url("/feed")), Duration.ofHours(1), true),
                    Source.of("other", SourceType.RSS, URI.create(other.url("/feed")), Duration.ofHours(1), true));
            FetchSettings patient = new FetchSettings(IngestHarness.FAST.userAgent(), Duration.ofSeconds(2),
                    Duration.ofSeconds(60), 1024 * 1024, 5, Duration.ZERO);
            Set<String> published = ConcurrentHashMap.newKeySet();
            // frequent heartbeats, so the first instance learns of the rebalance while the page is still held
            Map<String, Object> quick = Map.of(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 200);
            try (IngestService one = h.start("handover-1", sources, patient,
                    (src, url, o, d) -> published.add(url.toString()), quick, new SimpleMeterRegistry())) {
                Thread.sleep(3000); // the group settles on the first instance
                one.discover(sources, null);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (slow.requests("/held") == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(slow.requests("/held")).isEqualTo(1);
                // a second instance joins while the held page is in flight: the group rebalances, and the first
                // instance hands its partitions over only after what it polled is done and committed (whichever
                // partitions the two hosts hash to: nothing behind the held page is fetched again by the next owner)
                try (IngestService two = h.start("handover-2", sources, patient,
                        (src, url, o, d) -> published.add(url.toString()))) {
                    // the group waits for the first instance, which holds its partitions until the page is done
                    assertThat(awaitGroupState(h.topics.prefix() + "ingest", GroupState.PREPARING_REBALANCE))
                            .as("the group rebalances while the held page is in flight").isTrue();
                    Thread.sleep(1000);
                    assertThat(groupState(h.topics.prefix() + "ingest")).isEqualTo(GroupState.PREPARING_REBALANCE);
                    release.countDown();
                    deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                    while (published.size() < urls.size() && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                }
            } finally {
                release.countDown();
            }
            assertThat(published).containsExactlyInAnyOrderElementsOf(urls);
            for (String u : urls) {
                LocalSite site = u.startsWith(slow.url("/")) ? slow : other;
                assertThat(site.requests(URI.create(u).getPath())).as(u).isEqualTo(1);
            }
            List<RawArticle> raw = h.rawArticles();
            assertThat(raw).extracting(RawArticle::getUrl).containsExactlyInAnyOrderElementsOf(urls);
        }
    }

    private boolean awaitGroupState(String group, GroupState state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (groupState(group) != state && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return groupState(group) == state;
    }

    private GroupState groupState(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().groupState();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "URL states on disk: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aRestartedInstanceResumesWithoutRefetchingOrRepublishing(boolean statesOnDisk,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path stateDir) {
        // on disk, the second instance's store starts empty and is refilled from the state topic
        IngestHarness h = new IngestHarness(kafka, statesOnDisk ? "restart-disk." : "restart.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            List<String> links = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                site.page("/r" + i, html(article("Restart story " + i, "Story " + i + " survives a restart of ingest.", null)));
                links.add(site.url("/r" + i));
            }
            site.page("/feed", of(200, "application/rss+xml", rss(links.toArray(String[]::new))));
            List<Source> sources = List.of(Source.of("r", SourceType.RSS, URI.create(site.url("/feed")), Duration.ofHours(1), true));
            try (IngestService first = statesOnDisk ? h.startWithStatesOnDisk("restart-1", sources, stateDir)
                    : h.start("restart-1", sources)) {
                assertThat(IngestHarness.outcomes(h.runOnce(first, sources))).isEqualTo(Map.of("published", 4L));
            }
            try (IngestService second = statesOnDisk ? h.startWithStatesOnDisk("restart-1", sources, stateDir)
                    : h.start("restart-1", sources)) {
                List<FetchLogEntry> log = h.runOnce(second, sources);
                assertThat(log).extracting(FetchLogEntry::getOutcome).containsOnly(FetchOutcome.DUPLICATE.label());
            }
            for (int i = 0; i < 4; i++) {
                assertThat(site.requests("/r" + i)).isEqualTo(1);
            }
            assertThat(h.rawArticles()).hasSize(4);
        }
    }
}
