package dev.khabar.console.reliability;

import static dev.khabar.console.reliability.ProcessorCrashIT.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.runtime.TopicSetup;
import dev.khabar.ingest.frontier.FrontierWorker;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import dev.khabar.schemas.UrlState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest, in a child JVM, is killed with SIGKILL twice in the middle of a crawl and restarted. It
 * resumes the frontier where its last transaction left it: every article is published exactly
 * once (version 1), at most the pages of the uncommitted batch (one commit interval's worth) are
 * fetched again, and what a read_committed reader
 * sees is whole — each article with its fetch-log entry and its URL state, written in one
 * transaction together with the frontier offset.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class IngestCrashIT {

    private static final int ARTICLES = 200;
    private static final int THREADS = 2;
    private static final long PER_HOST_DELAY_MILLIS = 100;
    private static final Topics TOPICS = new Topics("icrash.");
    private static final String GROUP = "icrash-ingest";

    @TempDir
    Path dir;

    @Test
    void killedMidCrawlIngestResumesTheFrontierAndPublishesEachArticleOnce(EmbeddedKafkaBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicSetup.ensure(admin, TOPICS, Taxonomy.defaults().categoryIds(), 3, (short) 1);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             NewsSite site = new NewsSite(ARTICLES);
             TopicTally raw = new TopicTally(bootstrap, TOPICS.raw())) {
            Path sources = dir.resolve("sources.yaml");
            Files.writeString(sources, "sources:\n  - id: crash-site\n    type: rss\n    url: " + site.feed()
                    + "\n    poll-interval: 1h\n    allow-private: true\n    max-articles: 1000\n");
            Map<String, String> env = Map.of("KHABAR_TOPICS_PREFIX", TOPICS.prefix(), "KHABAR_KAFKA_PARTITIONS", "3",
                    "KHABAR_INGEST_PER_HOST_DELAY", PER_HOST_DELAY_MILLIS + "ms", "KHABAR_INGEST_THREADS", String.valueOf(THREADS),
                    "KHABAR_INGEST_GROUP_ID", GROUP, "KHABAR_INGEST_INSTANCE_ID", "icrash-1",
                    "KHABAR_CONSOLE_DASHBOARD_PORT", "-1");
            String[] args = {"ingest", "--bootstrap", bootstrap, "--sources", sources.toString(),
                    "--kafka-property", "session.timeout.ms=6000", "--kafka-property", "heartbeat.interval.ms=1500"};
            int kills = 0;
            ChildJvm ingest = ChildJvm.start(dir.resolve("ingest-1.log"), env, args);
            try {
                for (int threshold : new int[] {ARTICLES * 3 / 10, ARTICLES * 13 / 20}) {
                    ChildJvm running = ingest;
                    assertThat(TopicTally.await(() -> site.articleRequests() >= threshold, Duration.ofMinutes(2)))
                            .as("%d pages fetched before the kill; ingest log:%n%s", threshold, running.tail(40)).isTrue();
                    ingest.kill9();
                    kills++;
                    log("kill -9 #%d of ingest pid %d after %d page requests, %d published", kills, running.pid(),
                            site.articleRequests(), raw.distinct());
                    ingest = ChildJvm.start(dir.resolve("ingest-" + (kills + 1) + ".log"), env, args);
                }
                ChildJvm last = ingest;
                assertThat(TopicTally.await(() -> raw.distinct() >= ARTICLES, Duration.ofMinutes(3)))
                        .as("all %d articles published (have %d); ingest log:%n%s", ARTICLES, raw.distinct(), last.tail(40))
                        .isTrue();
                assertThat(TopicTally.await(() -> BrokerRestartIT.lag(admin, GROUP, TOPICS.frontier()) == 0,
                        Duration.ofMinutes(2))).as("the frontier is consumed to its end").isTrue();
            } finally {
                ingest.stop();
            }

            List<RawArticle> articles = decode(TopicDump.read(bootstrap, TOPICS.raw(), IsolationLevel.READ_COMMITTED),
                    AvroSerde.of(RawArticle.class));
            List<FetchLogEntry> fetchLog = decode(TopicDump.read(bootstrap, TOPICS.fetchLog(), IsolationLevel.READ_COMMITTED),
                    AvroSerde.of(FetchLogEntry.class));
            List<UrlState> states = decode(TopicDump.read(bootstrap, TOPICS.ingestState(), IsolationLevel.READ_COMMITTED),
                    AvroSerde.of(UrlState.class));
            int uncommitted = TopicDump.read(bootstrap, TOPICS.raw(), IsolationLevel.READ_UNCOMMITTED).size();
            log("ingest crash: %d page requests for %d articles, %d raw records in aborted transactions",
                    site.articleRequests(), ARTICLES, uncommitted - articles.size());

            // nothing lost, nothing published twice
            assertThat(articles).hasSize(ARTICLES);
            assertThat(articles.stream().map(RawArticle::getId).collect(Collectors.toSet())).hasSize(ARTICLES);
            assertThat(articles).allSatisfy(a -> assertThat(a.getVersion()).isEqualTo(1));
            // resumed, not restarted: only the uncommitted batch at a kill is fetched again — on this one host,
            // with 100 ms between requests, what one commit interval fetches, plus a page in flight per thread
            for (int i = 0; i < ARTICLES; i++) {
                assertThat(site.requests("/a/" + i)).as("requests for article %d", i).isBetween(1, 2);
            }
            int perInterval = (int) (FrontierWorker.MAX_BATCH_MILLIS / PER_HOST_DELAY_MILLIS) + 1;
            assertThat(site.articleRequests() - ARTICLES).as("pages fetched again")
                    .isLessThanOrEqualTo(kills * (perInterval + THREADS));
            // one transaction: each committed article has exactly its fetch-log entry and its URL state
            Map<String, List<FetchLogEntry>> byUrl = fetchLog.stream().collect(Collectors.groupingBy(FetchLogEntry::getUrl));
            Set<String> urls = IntStream.range(0, ARTICLES).mapToObj(site::articleUrl).collect(Collectors.toSet());
            assertThat(byUrl.keySet()).containsAll(urls);
            for (String url : urls) {
                List<String> outcomes = byUrl.get(url).stream().map(FetchLogEntry::getOutcome).toList();
                assertThat(outcomes).as(url).containsOnlyOnce("published");
                assertThat(outcomes).as(url).containsOnly("published", "duplicate");
            }
            Map<String, FetchLogEntry> publishedById = fetchLog.stream().filter(e -> e.getOutcome().equals("published"))
                    .collect(Collectors.toMap(FetchLogEntry::getArticleId, e -> e));
            Map<String, UrlState> stateByArticle = states.stream().filter(s -> s.getArticleId() != null)
                    .collect(Collectors.toMap(UrlState::getArticleId, s -> s, (a, b) -> a));
            for (RawArticle a : articles) {
                assertThat(publishedById.get(a.getId())).as("fetch-log entry of %s", a.getUrl())
                        .satisfies(e -> assertThat(e.getVersion()).isEqualTo(a.getVersion()));
                assertThat(stateByArticle.get(a.getId())).as("URL state of %s", a.getUrl())
                        .satisfies(s -> assertThat(s.getContentHash()).isEqualTo(a.getContentHash()));
            }
            assertThat(publishedById).hasSameSizeAs(articles);
        }
    }

    private static <T extends org.apache.avro.specific.SpecificRecordBase> List<T> decode(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records, AvroSerde<T> serde) {
        return records.stream().filter(r -> r.value() != null).map(r -> serde.decode(r.value())).toList();
    }
}
