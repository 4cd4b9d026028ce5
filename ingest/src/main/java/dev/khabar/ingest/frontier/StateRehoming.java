package dev.khabar.ingest.frontier;

import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.Topics;
import dev.khabar.schemas.UrlState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Moves every URL state to the partition of its site ({@link SiteKeys}), once, with ingest
 * stopped: for states written before they followed their sites (partitioned by URL), or before
 * the topics gained partitions. For each URL the newest of its copies (by fetch time, then version,
 * as {@link UrlStates} keeps them) is written to its site's partition unless that partition already
 * holds it, and then every copy elsewhere gets a tombstone, so compaction removes it. The copies go
 * first and the tombstones only once all of them are written: a run cut short loses nothing and can
 * simply be run again. It holds the whole topic in memory while it works.
 */
public final class StateRehoming {

    /** What a run did: URLs seen, states written to their site's partition, tombstones written. */
    public record Result(long urls, long moved, long tombstones) {
    }

    private StateRehoming() {
    }

    /**
     * @param ingestGroup the ingest consumer group: the run refuses while it has members
     * @throws IllegalStateException when ingest is running, or the two topics' partition counts differ
     */
    public static Result run(String bootstrap, Map<String, Object> clientProperties, Topics topics, String ingestGroup)
            throws InterruptedException {
        refuseWhileRunning(bootstrap, clientProperties, ingestGroup);
        Map<String, Object> c = new HashMap<>(clientProperties);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "khabar-state-rehoming");
        // the latest value of every URL in every partition (a tombstone removes it): what compaction keeps
        Map<String, Map<Integer, byte[]>> copies = new HashMap<>();
        int partitions;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            partitions = consumer.partitionsFor(topics.ingestState(), Duration.ofSeconds(30)).size();
            int frontier = consumer.partitionsFor(topics.frontier(), Duration.ofSeconds(30)).size();
            if (partitions == 0 || frontier == 0) {
                throw new IllegalStateException("topic " + (partitions == 0 ? topics.ingestState() : topics.frontier())
                        + " does not exist");
            }
            if (partitions != frontier) {
                throw new IllegalStateException(topics.ingestState() + " has " + partitions + " partitions and "
                        + topics.frontier() + " " + frontier + ": give both the same number first");
            }
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topics.ingestState(), p));
            }
            refuseWithOpenTransactions(bootstrap, clientProperties, all);
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> end = consumer.endOffsets(all);
            while (all.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        Map<Integer, byte[]> byPartition = copies.get(r.key());
                        if (byPartition != null) {
                            byPartition.remove(r.partition());
                        }
                    } else {
                        copies.computeIfAbsent(r.key(), k -> new HashMap<>(2)).put(r.partition(), r.value());
                    }
                }
            }
        }
        AvroSerde<UrlState> serde = AvroSerde.of(UrlState.class);
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "khabar-state-rehoming");
        long moved = 0;
        List<ProducerRecord<String, byte[]>> tombstones = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (var e : copies.entrySet()) {
                String url = e.getKey();
                Map<Integer, byte[]> byPartition = e.getValue();
                int home = SiteKeys.partition(url, partitions);
                Integer newest = null;
                UrlState newestState = null;
                for (var copy : byPartition.entrySet()) {
                    UrlState s = serde.decode(copy.getValue());
                    if (newestState == null || newer(newestState, s, newest == home, copy.getKey() == home)) {
                        newest = copy.getKey();
                        newestState = s;
                    }
                }
                if (newest != null && newest != home) {
                    sends.add(producer.send(new ProducerRecord<>(topics.ingestState(), home, url, byPartition.get(newest))));
                    moved++;
                }
                for (Integer q : byPartition.keySet()) {
                    if (q != home) {
                        tombstones.add(new ProducerRecord<>(topics.ingestState(), q, url, null));
                    }
                }
            }
            await(sends); // every state at home before any copy elsewhere goes
            sends.clear();
            for (ProducerRecord<String, byte[]> t : tombstones) {
                sends.add(producer.send(t));
            }
            await(sends);
        }
        return new Result(copies.size(), moved, tombstones.size());
    }

    /** Whether {@code candidate} replaces {@code kept}: newer by fetch time, then version; a tie keeps the one at home. */
    private static boolean newer(UrlState kept, UrlState candidate, boolean keptAtHome, boolean candidateAtHome) {
        int byTime = candidate.getLastFetched().compareTo(kept.getLastFetched());
        if (byTime != 0) {
            return byTime > 0;
        }
        int byVersion = Integer.compare(candidate.getVersion(), kept.getVersion());
        return byVersion != 0 ? byVersion > 0 : candidateAtHome && !keptAtHome;
    }

    private static void await(List<Future<RecordMetadata>> sends) throws InterruptedException {
        for (Future<RecordMetadata> f : sends) {
            try {
                f.get(2, TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("writing URL states failed; nothing is lost, run it again: " + e, e);
            }
        }
    }

    /**
     * A transaction left open (an ingest killed less than {@code transaction.timeout.ms} ago) hides the
     * states after it from a committed read; tombstones written now could outlive them.
     */
    private static void refuseWithOpenTransactions(String bootstrap, Map<String, Object> clientProperties,
                                                   List<TopicPartition> partitions) throws InterruptedException {
        Map<String, Object> a = new HashMap<>(clientProperties);
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try (Admin admin = Admin.create(a)) {
            var committed = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(30, TimeUnit.SECONDS);
            var written = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(30, TimeUnit.SECONDS);
            for (TopicPartition tp : partitions) {
                if (committed.get(tp).offset() != written.get(tp).offset()) {
                    throw new IllegalStateException(tp + " has a transaction still open (an ingest stopped less than its "
                            + "transaction.timeout.ms ago?): run this again once it has timed out");
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of the URL state topic: " + e, e);
        }
    }

    private static void refuseWhileRunning(String bootstrap, Map<String, Object> clientProperties, String group)
            throws InterruptedException {
        Map<String, Object> a = new HashMap<>(clientProperties);
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(a)) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS)
                    .get(group);
            if (d != null && !d.members().isEmpty()) {
                throw new IllegalStateException("ingest group " + group + " has " + d.members().size()
                        + " members: stop every ingest instance first (a state they write meanwhile could be overwritten)");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new IllegalStateException("cannot describe ingest group " + group + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot describe ingest group " + group + " (is the broker reachable?)", e);
        }
    }
}
