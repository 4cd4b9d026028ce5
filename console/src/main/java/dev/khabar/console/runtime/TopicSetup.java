package dev.khabar.console.runtime;

import dev.khabar.schemas.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Khabar's topics at start-up with the configured partitions and replication: raw and
 * article topics with time retention, the fetch state and schema topics compacted. Existing
 * topics are checked and a mismatch is reported, never silently changed.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /** @return warnings about existing topics that differ from what Khabar would create */
    public static List<String> ensure(Admin admin, Topics topics, Collection<String> categoryIds, int partitions,
                                      short replication) throws InterruptedException {
        List<NewTopic> wanted = new ArrayList<>();
        for (String name : List.of(topics.frontier(), topics.raw(), topics.clean(), topics.enriched(), topics.dlq(),
                topics.stats(), topics.fetchLog())) {
            wanted.add(new NewTopic(name, partitions, replication).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(30)),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024))));
        }
        wanted.add(new NewTopic(topics.schemas(), 1, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        for (String compacted : List.of(topics.ingestState(), topics.fingerprints())) {
            wanted.add(new NewTopic(compacted, partitions, replication).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        for (String id : categoryIds) {
            wanted.add(new NewTopic(topics.category(id), partitions, replication).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(30)))));
        }
        for (NewTopic t : wanted) {
            try {
                admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
                LOG.debug("created topic {}", t.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + t.name() + ": " + e.getCause().getMessage(), e);
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("timed out creating topic " + t.name() + " (is the broker reachable?)", e);
            }
        }
        return check(admin, wanted);
    }

    private static List<String> check(Admin admin, List<NewTopic> wanted) throws InterruptedException {
        List<String> warnings = new ArrayList<>();
        Map<String, TopicDescription> existing = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (existing == null) {
            try {
                existing = admin.describeTopics(wanted.stream().map(NewTopic::name).toList()).allTopicNames()
                        .get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // a topic just created may not be in every broker's metadata yet
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot describe Khabar's topics: " + e.getMessage(), e);
                }
                Thread.sleep(100);
            } catch (TimeoutException e) {
                throw new IllegalStateException("cannot describe Khabar's topics: " + e.getMessage(), e);
            }
        }
        for (NewTopic t : wanted) {
            TopicDescription d = existing.get(t.name());
            int actualPartitions = d.partitions().size();
            int actualRf = d.partitions().get(0).replicas().size();
            if (actualPartitions != t.numPartitions() || actualRf != t.replicationFactor()) {
                String w = String.format("topic %s has %d partitions and replication %d; configured %d and %d",
                        t.name(), actualPartitions, actualRf, t.numPartitions(), t.replicationFactor());
                LOG.warn(w);
                warnings.add(w);
            }
        }
        return warnings;
    }

    public static Set<String> existing(Admin admin) throws InterruptedException {
        try {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
    }
}
