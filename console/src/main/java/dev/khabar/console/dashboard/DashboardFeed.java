package dev.khabar.console.dashboard;

import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.StatsCount;
import dev.khabar.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the topics the dashboard shows into its {@link DashboardState}, on its own thread, with no
 * consumer group and only committed records. It starts a little in the past — the last
 * {@value #RECENT_ARTICLES} articles and {@value #RECENT_DEAD_LETTERS} dead letters per partition,
 * the last day of the fetch log, the last {@link DashboardState#CHART_MINUTES} minutes of counts —
 * then follows. Topics that do not exist yet are looked for again every few seconds.
 */
final class DashboardFeed implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);
    static final int RECENT_ARTICLES = 30;
    static final int RECENT_DEAD_LETTERS = 50;
    private static final Duration FETCH_LOG_SPAN = Duration.ofDays(1);
    private static final Duration STATS_SPAN = Duration.ofMinutes(DashboardState.CHART_MINUTES + 1);
    private static final long RECHECK_NANOS = Duration.ofSeconds(5).toNanos();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topics topics;
    private final DashboardState state;
    private final Set<String> missing;
    private final AvroSerde<EnrichedArticle> articles = AvroSerde.of(EnrichedArticle.class);
    private final AvroSerde<DeadLetter> deadLetters = AvroSerde.of(DeadLetter.class);
    private final AvroSerde<FetchLogEntry> fetchLog = AvroSerde.of(FetchLogEntry.class);
    private final AvroSerde<StatsCount> stats = AvroSerde.of(StatsCount.class);
    private volatile boolean stopped;

    DashboardFeed(String bootstrap, Map<String, Object> clientProperties, Topics topics, DashboardState state) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "khabar-dashboard");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.state = state;
        this.missing = new HashSet<>(List.of(topics.enriched(), topics.dlq(), topics.fetchLog(), topics.stats()));
    }

    @Override
    public void run() {
        long nextCheck = 0;
        try {
            while (!stopped) {
                if (!missing.isEmpty() && System.nanoTime() >= nextCheck) {
                    assignExisting();
                    nextCheck = System.nanoTime() + RECHECK_NANOS;
                }
                if (consumer.assignment().isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    accept(r);
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("dashboard feed stopped", e);
        }
    }

    private void accept(ConsumerRecord<String, byte[]> r) {
        try {
            String topic = r.topic();
            if (r.value() == null) {
                return;
            } else if (topic.equals(topics.enriched())) {
                state.onArticle(articles.decode(r.value()));
            } else if (topic.equals(topics.dlq())) {
                state.onDeadLetter(deadLetters.decode(r.value()), r.partition(), r.offset());
            } else if (topic.equals(topics.fetchLog())) {
                state.onFetchLog(fetchLog.decode(r.value()));
            } else if (topic.equals(topics.stats())) {
                state.onStats(stats.decode(r.value()), Instant.now());
            }
        } catch (SerializationException e) {
            LOG.debug("skipping undecodable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    private void assignExisting() {
        List<TopicPartition> added = new ArrayList<>();
        Map<String, List<PartitionInfo>> all = consumer.listTopics(Duration.ofSeconds(10));
        for (String topic : List.copyOf(missing)) {
            List<PartitionInfo> infos = all.get(topic);
            if (infos != null && !infos.isEmpty()) {
                infos.forEach(p -> added.add(new TopicPartition(topic, p.partition())));
                missing.remove(topic);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        List<TopicPartition> assignment = new ArrayList<>(consumer.assignment());
        assignment.addAll(added);
        consumer.assign(assignment);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(added);
        Map<TopicPartition, Long> end = consumer.endOffsets(added);
        Map<TopicPartition, Long> byTime = new HashMap<>();
        long now = System.currentTimeMillis();
        for (TopicPartition tp : added) {
            if (tp.topic().equals(topics.fetchLog())) {
                byTime.put(tp, now - FETCH_LOG_SPAN.toMillis());
            } else if (tp.topic().equals(topics.stats())) {
                byTime.put(tp, now - STATS_SPAN.toMillis());
            }
        }
        Map<TopicPartition, OffsetAndTimestamp> fromTime = byTime.isEmpty() ? Map.of() : consumer.offsetsForTimes(byTime);
        for (TopicPartition tp : added) {
            long position;
            if (byTime.containsKey(tp)) {
                OffsetAndTimestamp at = fromTime.get(tp);
                position = at == null ? end.get(tp) : at.offset();
            } else {
                int recent = tp.topic().equals(topics.dlq()) ? RECENT_DEAD_LETTERS : RECENT_ARTICLES;
                position = Math.max(begin.get(tp), end.get(tp) - recent);
            }
            consumer.seek(tp, position);
        }
        LOG.debug("dashboard reads {}", added);
    }

    @Override
    public void close() {
        stopped = true;
        consumer.wakeup();
    }

    /** Releases the consumer; call after the feed's thread has ended. */
    void release() {
        consumer.close(Duration.ofSeconds(5));
    }
}
