package dev.khabar.console.reliability;

import static dev.khabar.console.reliability.ProcessorCrashIT.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.ProcessorRunner;
import dev.khabar.console.runtime.TopicSetup;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processor instances with one application id share the raw topic's partitions; stopping one
 * hands its partitions to the other, and the articles still come out exactly once.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ProcessorScaleOutIT {

    private static final int ARTICLES = 6_000;
    private static final int PARTITIONS = 4;
    private static final Topics TOPICS = new Topics("scale.");
    private static final String APPLICATION_ID = "scale-processor";

    @TempDir
    Path dir;

    @Test
    void stoppingOneOfTwoInstancesHandsItsPartitionsOverExactlyOnce(EmbeddedKafkaBroker kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        Set<TopicPartition> raw = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(TOPICS.raw(), p))
                .collect(Collectors.toSet());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicSetup.ensure(admin, TOPICS, Taxonomy.defaults().categoryIds(), PARTITIONS, (short) 1);
            try (TopicTally enriched = new TopicTally(bootstrap, TOPICS.enriched());
                 ArticleStream stream = new ArticleStream(bootstrap, TOPICS.raw(), "https://scale.example/a/", ARTICLES, 300);
                 ProcessorRunner one = ProcessorRunner.start(config(bootstrap, "one"), bootstrap, new SimpleMeterRegistry())) {
                ProcessorRunner two = ProcessorRunner.start(config(bootstrap, "two"), bootstrap, new SimpleMeterRegistry());
                try {
                    stream.start();
                    assertThat(TopicTally.await(() -> !rawPartitions(one).isEmpty() && !rawPartitions(two).isEmpty()
                            && union(one, two).equals(raw), Duration.ofMinutes(2)))
                            .as("both instances own raw partitions (one: %s, two: %s)", rawPartitions(one), rawPartitions(two))
                            .isTrue();
                    log("scale-out: instance one owns %s, instance two owns %s", rawPartitions(one), rawPartitions(two));
                    assertThat(TopicTally.await(() -> enriched.distinct() >= ARTICLES / 3, Duration.ofMinutes(2))).isTrue();
                } finally {
                    long stopping = System.nanoTime();
                    two.close();
                    log("instance two stopped at %d enriched", enriched.distinct());
                    assertThat(TopicTally.await(() -> rawPartitions(one).equals(raw), Duration.ofMinutes(2)))
                            .as("instance one took over every raw partition (owns %s)", rawPartitions(one)).isTrue();
                    log("hand-over to instance one after %d ms", Duration.ofNanos(System.nanoTime() - stopping).toMillis());
                }
                stream.awaitSent(Duration.ofMinutes(2));
                assertThat(TopicTally.await(() -> enriched.distinct() >= ARTICLES, Duration.ofMinutes(3)))
                        .as("all articles enriched (have %d)", enriched.distinct()).isTrue();
                assertThat(TopicTally.await(() -> lag(admin) == 0, Duration.ofMinutes(2))).isTrue();
                Thread.sleep(2000); // caught up: late duplicates, if any, would show now
                assertThat(enriched.duplicates()).isEmpty();
                assertThat(enriched.total()).isEqualTo(ARTICLES);
                assertThat(stream.ids()).allMatch(id -> enriched.count(id) == 1);
            }
        }
    }

    private KhabarConfig config(String bootstrap, String instance) {
        return new ConfigLoader()
                .flag("kafka.bootstrap", bootstrap)
                .flag("kafka.partitions", PARTITIONS)
                .flag("topics.prefix", TOPICS.prefix())
                .flag("processor.application-id", APPLICATION_ID)
                .flag("processor.state-dir", dir.resolve(instance).toString())
                .clientProperty("session.timeout.ms", "6000")
                .clientProperty("heartbeat.interval.ms", "1500")
                .load();
    }

    private static Set<TopicPartition> rawPartitions(ProcessorRunner runner) {
        return runner.streams().metadataForLocalThreads().stream()
                .flatMap(t -> t.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(tp -> tp.topic().equals(TOPICS.raw()))
                .collect(Collectors.toSet());
    }

    private static Set<TopicPartition> union(ProcessorRunner a, ProcessorRunner b) {
        Set<TopicPartition> all = new java.util.HashSet<>(rawPartitions(a));
        all.addAll(rawPartitions(b));
        return all;
    }

    private static long lag(Admin admin) {
        try {
            return ConsumerLag.of(admin, APPLICATION_ID, TOPICS.raw());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
