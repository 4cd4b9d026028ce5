package dev.khabar.console.reliability;

import static dev.khabar.console.reliability.ProcessorCrashIT.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.IngestRunner;
import dev.khabar.console.runtime.ProcessorRunner;
import dev.khabar.console.runtime.TopicSetup;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.RawArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker is stopped and started again on the same data directory while ingest is
 * crawling and the processor is enriching. Both recover by themselves; every article is published
 * and enriched exactly once.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class BrokerRestartIT {

    private static final int ARTICLES = 120;
    private static final int LATER = 10;

    @TempDir
    Path dir;

    @Test
    void aBrokerRestartMidCrawlLosesAndDuplicatesNothing(EmbeddedKafkaBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        KhabarConfig config = new ConfigLoader()
                .flag("kafka.bootstrap", bootstrap)
                .flag("topics.prefix", "restart.")
                .flag("processor.application-id", "restart-processor")
                .flag("processor.state-dir", dir.resolve("state").toString())
                .flag("ingest.group-id", "restart-ingest")
                .flag("ingest.instance-id", "restart-1")
                .flag("ingest.threads", 1) // one fetch thread: if it dies, nothing takes over
                .flag("ingest.per-host-delay", "100ms")
                .load();
        var topics = config.topics();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicSetup.ensure(admin, topics, Taxonomy.defaults().categoryIds(), 3, (short) 1);
        }
        try (NewsSite site = new NewsSite(ARTICLES);
             TopicTally raw = new TopicTally(bootstrap, topics.raw());
             TopicTally enriched = new TopicTally(bootstrap, topics.enriched());
             ProcessorRunner processor = ProcessorRunner.start(config, bootstrap, new SimpleMeterRegistry())) {
            List<Source> sources = List.of(Source.of("faults", SourceType.RSS, site.feed(), Duration.ofHours(1), true));
            // a short max.block.ms makes a commit during the outage fail fast instead of waiting it out:
            // the worker must abort (impossible with no broker), replace its producer and rewind
            Map<String, Object> clientProperties = Map.of("max.block.ms", 2000);
            try (IngestService ingest = IngestRunner.start(config, bootstrap, clientProperties, sources,
                    new SimpleMeterRegistry(), IngestListener.NONE)) {
                assertThat(ingest.discover(sources, "before").enqueued()).isEqualTo(ARTICLES);
                assertThat(TopicTally.await(() -> raw.distinct() >= ARTICLES / 4, Duration.ofMinutes(2))).isTrue();

                kafka.stop();
                log("broker stopped at %d published, %d enriched", raw.distinct(), enriched.distinct());
                Thread.sleep(5000);
                kafka.start();
                log("broker started again on %s", kafka.dataDir());

                assertThat(TopicTally.await(() -> raw.distinct() >= ARTICLES && enriched.distinct() >= ARTICLES,
                        Duration.ofMinutes(4)))
                        .as("published %d and enriched %d of %d after the restart", raw.distinct(), enriched.distinct(), ARTICLES)
                        .isTrue();
                // both recovered by themselves: new articles go all the way through without any restart of ours
                site.publish(ARTICLES + LATER);
                assertThat(ingest.discover(sources, "after").enqueued()).isEqualTo(ARTICLES + LATER);
                assertThat(TopicTally.await(() -> enriched.distinct() >= ARTICLES + LATER, Duration.ofMinutes(2)))
                        .as("articles discovered after the restart are enriched").isTrue();
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                    assertThat(TopicTally.await(() -> lag(admin, "restart-processor", topics.raw()) == 0
                            && lag(admin, "restart-ingest", topics.frontier()) == 0, Duration.ofMinutes(2))).isTrue();
                }
                Thread.sleep(2000); // caught up: late duplicates, if any, would show now
            }
            int total = ARTICLES + LATER;
            assertThat(raw.duplicates()).as("articles published twice").isEmpty();
            assertThat(raw.total()).isEqualTo(total);
            assertThat(enriched.duplicates()).as("articles enriched twice").isEmpty();
            assertThat(enriched.total()).isEqualTo(total);
            assertThat(TopicDump.read(bootstrap, topics.raw(), IsolationLevel.READ_COMMITTED).stream()
                    .map(r -> AvroSerde.of(RawArticle.class).decode(r.value()).getVersion()))
                    .as("every article is version 1").containsOnly(1);
            Map<String, Long> published = TopicDump.read(bootstrap, topics.fetchLog(), IsolationLevel.READ_COMMITTED).stream()
                    .map(r -> AvroSerde.of(FetchLogEntry.class).decode(r.value()))
                    .filter(e -> e.getOutcome().equals("published"))
                    .collect(Collectors.groupingBy(FetchLogEntry::getUrl, Collectors.counting()));
            assertThat(published).hasSize(total);
            assertThat(published.values()).containsOnly(1L);
            log("broker restart: %d article page requests for %d articles", site.articleRequests(), total);
            assertThat(processor.isRunning()).isTrue();
        }
    }

    static long lag(Admin admin, String group, String topic) {
        try {
            return ConsumerLag.of(admin, group, topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

}
