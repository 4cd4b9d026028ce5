package dev.khabar.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.runtime.TopicSetup;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor is killed with SIGKILL three times while 10,000 articles stream through
 * {@code news.raw}, and restarted each time on its state directory. A {@code read_committed}
 * consumer of {@code news.enriched} then sees each of the 10,000 article ids exactly once.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ProcessorCrashIT {

    private static final int ARTICLES = 10_000;
    private static final Topics TOPICS = new Topics("crash.");
    private static final String APPLICATION_ID = "crash-processor";

    @TempDir
    Path dir;

    @Test
    void threeKillNinesLoseNothingAndDuplicateNothing(EmbeddedKafkaBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicSetup.ensure(admin, TOPICS, Taxonomy.defaults().categoryIds(), 3, (short) 1);
            Map<String, String> env = Map.of("KHABAR_TOPICS_PREFIX", TOPICS.prefix(), "KHABAR_KAFKA_PARTITIONS", "3",
                    "KHABAR_PROCESSOR_APPLICATION_ID", APPLICATION_ID,
                    "KHABAR_PROCESSOR_STATE_DIR", dir.resolve("state").toString(),
                    "KHABAR_CONSOLE_DASHBOARD_PORT", "-1");
            // a dead member leaves the group after 6 s instead of 45 s: restarts rebalance sooner
            String[] args = {"process", "--bootstrap", bootstrap, "--kafka-property", "session.timeout.ms=6000",
                    "--kafka-property", "heartbeat.interval.ms=1500"};
            long started = System.nanoTime();
            try (TopicTally enriched = new TopicTally(bootstrap, TOPICS.enriched());
                 TopicTally dlq = new TopicTally(bootstrap, TOPICS.dlq());
                 ArticleStream stream = new ArticleStream(bootstrap, TOPICS.raw(), "https://crash.example/a/", ARTICLES, 400)) {
                ChildJvm processor = ChildJvm.start(dir.resolve("processor-1.log"), env, args);
                stream.start();
                try {
                    for (int kill = 1; kill <= 3; kill++) {
                        int threshold = kill * ARTICLES / 4;
                        ChildJvm running = processor;
                        assertThat(TopicTally.await(() -> enriched.distinct() >= threshold, Duration.ofMinutes(3)))
                                .as("%d enriched before kill %d; processor log:%n%s", threshold, kill, running.tail(40))
                                .isTrue();
                        processor.kill9();
                        log("kill -9 #%d of pid %d at %d enriched, %d sent", kill, running.pid(), enriched.distinct(),
                                stream.sent());
                        processor = ChildJvm.start(dir.resolve("processor-" + (kill + 1) + ".log"), env, args);
                    }
                    stream.awaitSent(Duration.ofMinutes(2));
                    ChildJvm last = processor;
                    assertThat(TopicTally.await(() -> enriched.distinct() >= ARTICLES, Duration.ofMinutes(4)))
                            .as("all %d articles enriched (have %d); processor log:%n%s", ARTICLES, enriched.distinct(),
                                    last.tail(40))
                            .isTrue();
                    assertThat(TopicTally.await(() -> lag(admin) == 0, Duration.ofMinutes(2)))
                            .as("the processor committed its way to the end of %s", TOPICS.raw()).isTrue();
                    // committed and caught up: anything still to come would be a duplicate; give it a moment to show
                    Thread.sleep(2000);
                } finally {
                    processor.close();
                }
                log("10,000 articles through 3 kill -9s in %d s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
                assertThat(enriched.duplicates()).as("ids seen more than once").isEmpty();
                assertThat(enriched.total()).isEqualTo(ARTICLES);
                assertThat(stream.ids()).allMatch(id -> enriched.count(id) == 1);
                assertThat(dlq.total()).as("dead letters").isZero();
            }
        }
    }

    private static long lag(Admin admin) {
        try {
            return ConsumerLag.of(admin, APPLICATION_ID, TOPICS.raw());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[reliability] " + format + "%n", args);
    }

}
