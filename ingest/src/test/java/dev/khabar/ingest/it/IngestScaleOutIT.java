package dev.khabar.ingest.it;

import static dev.khabar.ingest.it.LocalSite.Answer.html;
import static dev.khabar.ingest.it.LocalSite.Answer.of;
import static dev.khabar.ingest.it.LocalSite.article;
import static dev.khabar.ingest.it.LocalSite.rss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.RawArticle;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
    void aRestartedInstanceResumesWithoutRefetchingOrRepublishing() {
        IngestHarness h = new IngestHarness(kafka, "restart.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            List<String> links = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                site.page("/r" + i, html(article("Restart story " + i, "Story " + i + " survives a restart of ingest.", null)));
                links.add(site.url("/r" + i));
            }
            site.page("/feed", of(200, "application/rss+xml", rss(links.toArray(String[]::new))));
            List<Source> sources = List.of(Source.of("r", SourceType.RSS, URI.create(site.url("/feed")), Duration.ofHours(1), true));
            try (IngestService first = h.start("restart-1", sources)) {
                assertThat(IngestHarness.outcomes(h.runOnce(first, sources))).isEqualTo(Map.of("published", 4L));
            }
            try (IngestService second = h.start("restart-1", sources)) {
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
