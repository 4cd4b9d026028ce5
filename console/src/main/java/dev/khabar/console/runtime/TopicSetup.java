package dev.khabar.console.runtime;

import dev.khabar.processor.topology.RecordLimits;
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
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
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

    /** {@code max.message.bytes} of the topics that carry articles: raw, clean, enriched and category topics. */
    public static final int ARTICLE_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

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
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(ARTICLE_MAX_MESSAGE_BYTES))));
        }
        wanted.add(new NewTopic(topics.schemas(), 1, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        for (String compacted : List.of(topics.ingestState(), topics.fingerprints())) {
            wanted.add(new NewTopic(compacted, partitions, replication).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        for (String id : categoryIds) {
            wanted.add(new NewTopic(topics.category(id), partitions, replication).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(30)),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(ARTICLE_MAX_MESSAGE_BYTES))));
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
        return check(admin, wanted, topics, categoryIds);
    }

    private static List<String> check(Admin admin, List<NewTopic> wanted, Topics topics, Collection<String> categoryIds)
            throws InterruptedException {
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
        int frontier = existing.get(topics.frontier()).partitions().size();
        int states = existing.get(topics.ingestState()).partitions().size();
        if (frontier != states) {
            String w = String.format("topics %s (%d partitions) and %s (%d) differ: URL states cannot follow their sites' "
                    + "frontier partitions, so every ingest instance reads and holds every URL's state; give both the same "
                    + "number of partitions", topics.frontier(), frontier, topics.ingestState(), states);
            LOG.warn(w);
            warnings.add(w);
        }
        List<String> limited = wanted.stream()
                .filter(t -> t.configs() != null && t.configs().containsKey(TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
                .map(NewTopic::name).toList();
        maxMessageBytes(admin, limited).forEach((topic, bytes) -> {
            if (bytes < ARTICLE_MAX_MESSAGE_BYTES) {
                String w = String.format("topic %s takes records of at most %,d bytes (max.message.bytes); Khabar creates "
                        + "it with %,d, so %s (raise it with kafka-configs --alter --add-config max.message.bytes=%d)",
                        topic, bytes, ARTICLE_MAX_MESSAGE_BYTES,
                        consequenceOfASmallLimit(topics, categoryIds, topic), ARTICLE_MAX_MESSAGE_BYTES);
                LOG.warn(w);
                warnings.add(w);
            }
        });
        return warnings;
    }

    private static String consequenceOfASmallLimit(Topics topics, Collection<String> categoryIds, String topic) {
        if (topic.equals(topics.dlq())) {
            return "dead letters keep less of their input";
        }
        if (topic.equals(topics.clean()) || topic.equals(topics.enriched())
                || categoryIds.stream().map(topics::category).anyMatch(topic::equals)) {
            return "larger articles become dead letters";
        }
        return "larger records cannot be written there";
    }

    /**
     * The largest records the processor may write: an enriched article must fit the smallest
     * {@code max.message.bytes} of the topics it goes to (clean, enriched and each category's), a dead
     * letter that of {@code news.dlq}; less room for the batch, and no more than {@code maxRequestBytes}.
     *
     * @throws IllegalStateException when a topic's limit cannot be read (the caller keeps what it has)
     */
    public static RecordLimits recordLimits(Admin admin, Topics topics, Collection<String> categoryIds, int maxRequestBytes)
            throws InterruptedException {
        List<String> articleTopics = new ArrayList<>(List.of(topics.clean(), topics.enriched()));
        categoryIds.forEach(id -> articleTopics.add(topics.category(id)));
        List<String> names = new ArrayList<>(articleTopics);
        names.add(topics.dlq());
        Map<String, Integer> limits = maxMessageBytes(admin, names);
        List<String> unknown = names.stream().filter(n -> !limits.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("cannot read max.message.bytes of " + unknown);
        }
        int smallest = Integer.MAX_VALUE;
        for (String name : articleTopics) {
            smallest = Math.min(smallest, limits.get(name));
        }
        return RecordLimits.forTopics(smallest, limits.get(topics.dlq()), maxRequestBytes);
    }


    /** {@code max.message.bytes} of each topic that could be described (others are left out). */
    private static Map<String, Integer> maxMessageBytes(Admin admin, Collection<String> names) throws InterruptedException {
        Map<String, Integer> out = new java.util.HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        Map<ConfigResource, org.apache.kafka.common.KafkaFuture<Config>> futures = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).values();
        for (var e : futures.entrySet()) {
            try {
                ConfigEntry entry = e.getValue().get(30, TimeUnit.SECONDS).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null) {
                    out.put(e.getKey().name(), Integer.parseInt(entry.value()));
                }
            } catch (ExecutionException | TimeoutException | NumberFormatException ex) {
                LOG.warn("cannot read max.message.bytes of topic {}: {}", e.getKey().name(), ex.toString());
            }
        }
        return out;
    }

    public static Set<String> existing(Admin admin) throws InterruptedException {
        try {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
    }
}
