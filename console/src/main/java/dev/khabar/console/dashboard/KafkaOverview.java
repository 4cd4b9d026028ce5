package dev.khabar.console.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * What an operator asks of the cluster: Khabar's topics with their partitions and end offsets,
 * records per second between two samples, and every consumer group's lag on those topics
 * (classic and consumer groups, and Kafka Streams groups).
 */
public final class KafkaOverview {

    private static final long TIMEOUT_SECONDS = 15;

    private final Admin admin;
    private final String prefix;

    /** @param prefix only topics whose name starts with it (Khabar's {@code topics.prefix}) */
    public KafkaOverview(Admin admin, String prefix) {
        this.admin = admin;
        this.prefix = prefix;
    }

    /** End offsets of every partition of Khabar's topics at one moment. */
    public record Sample(Instant at, SortedMap<String, Integer> partitions, Map<TopicPartition, Long> ends) {
        /** Sum of the end offsets of a topic's partitions: records written so far (plus transaction markers). */
        public long endOffset(String topic) {
            return ends.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        /** Records per second from {@code earlier} to this sample, per topic; 0 for a topic new since then. */
        public Map<String, Double> ratesSince(Sample earlier) {
            double seconds = Math.max(0.001, Duration.between(earlier.at, at).toMillis() / 1000.0);
            Map<String, Double> rates = new TreeMap<>();
            for (String topic : partitions.keySet()) {
                long before = earlier.partitions.containsKey(topic) ? earlier.endOffset(topic) : endOffset(topic);
                rates.put(topic, Math.max(0, endOffset(topic) - before) / seconds);
            }
            return rates;
        }
    }

    /** One group's lag on one topic: the records it has not consumed yet, summed over partitions. */
    public record GroupLag(String group, String type, String topic, long committed, long end, long lag) {
    }

    public Sample sample() throws InterruptedException {
        Set<String> names = call(admin.listTopics().names()).stream().filter(n -> n.startsWith(prefix))
                .collect(Collectors.toSet());
        Map<String, TopicDescription> described = call(admin.describeTopics(names).allTopicNames());
        SortedMap<String, Integer> partitions = new TreeMap<>();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicDescription d : described.values()) {
            partitions.put(d.name(), d.partitions().size());
            d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        call(admin.listOffsets(request).all()).forEach((tp, info) -> ends.put(tp, info.offset()));
        return new Sample(Instant.now(), partitions, ends);
    }

    /** Lag of every group that has committed offsets on Khabar's topics, by group and topic. */
    public List<GroupLag> lag(Sample sample) throws InterruptedException {
        List<GroupLag> out = new ArrayList<>();
        for (GroupListing g : call(admin.listGroups().all())) {
            GroupType type = g.type().orElse(GroupType.CLASSIC);
            Map<TopicPartition, OffsetAndMetadata> committed;
            if (type == GroupType.STREAMS) {
                committed = call(admin.listStreamsGroupOffsets(Map.of(g.groupId(), new ListStreamsGroupOffsetsSpec()))
                        .partitionsToOffsetAndMetadata(g.groupId()));
            } else if (type == GroupType.CLASSIC || type == GroupType.CONSUMER) {
                committed = call(admin.listConsumerGroupOffsets(Map.of(g.groupId(), new ListConsumerGroupOffsetsSpec()))
                        .partitionsToOffsetAndMetadata(g.groupId()));
            } else {
                continue; // share groups have no committed offsets to compare
            }
            out.addAll(byTopic(g.groupId(), type.toString().toLowerCase(java.util.Locale.ROOT), committed, sample));
        }
        return out;
    }

    private static Collection<GroupLag> byTopic(String group, String type, Map<TopicPartition, OffsetAndMetadata> committed,
                                                Sample sample) {
        Map<String, GroupLag> byTopic = new TreeMap<>();
        committed.forEach((tp, om) -> {
            Long end = sample.ends().get(tp);
            if (om == null || end == null) {
                return; // not one of Khabar's topics, or nothing committed on this partition
            }
            GroupLag now = new GroupLag(group, type, tp.topic(), om.offset(), end, Math.max(0, end - om.offset()));
            byTopic.merge(tp.topic(), now, (a, b) -> new GroupLag(group, type, a.topic(), a.committed() + b.committed(),
                    a.end() + b.end(), a.lag() + b.lag()));
        });
        return byTopic.values();
    }

    private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
