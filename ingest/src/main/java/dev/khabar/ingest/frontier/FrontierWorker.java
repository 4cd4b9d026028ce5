package dev.khabar.ingest.frontier;

import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.FrontierEntry;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One frontier consumer of the ingest consumer group. The frontier is keyed by host, so a host is
 * served by one worker of one instance at a time; within a poll the worker fetches its hosts in
 * parallel on the instance's fetch pool, each host's entries in order. At least every second it
 * writes what is finished — articles, URL states, new frontier entries, fetch-log entries and the
 * consumer offsets past them — in one Kafka transaction. A crash re-fetches what was not
 * committed; nothing is published twice.
 */
public final class FrontierWorker implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrontierWorker.class);

    /**
     * Longest a processed entry waits for its commit while the rest of its poll is fetched. Bounds
     * what a crash re-fetches and how late the first articles of a slow (polite) batch appear.
     */
    public static final long MAX_BATCH_MILLIS = 1_000;

    /**
     * Entries per poll by default. Many, so that a poll's transaction carries many articles and several
     * hosts run in parallel; a host too slow for the poll's time budget (crawl delays, Retry-After)
     * gives up its turn and its entries go back to the frontier ({@code deferred}).
     */
    static final int MAX_POLL_RECORDS = 200;
    private static final int MAX_POLL_INTERVAL_MS = 600_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final BatchTransaction transaction;
    private final UrlProcessor processor;
    private final ExecutorService fetchPool;
    private final UrlStates states;
    private final IngestListener listener;
    private final MeterRegistry meters;
    private final AvroSerde<FrontierEntry> frontierSerde = AvroSerde.of(FrontierEntry.class);
    private final Duration batchBudget;
    private volatile boolean stopped;

    public FrontierWorker(String bootstrap, Map<String, Object> clientProperties, String groupId, String transactionalId,
                          Topics topics, UrlProcessor processor, ExecutorService fetchPool, UrlStates states,
                          IngestListener listener, MeterRegistry meters, Clock clock) {
        this.processor = processor;
        this.fetchPool = fetchPool;
        this.states = states;
        this.listener = listener;
        this.meters = meters;
        Map<String, Object> c = new HashMap<>(clientProperties);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        c.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
        // a third of the poll interval to start entries in (an entry's wait for its host's turn included);
        // the rest is for the last ones to finish — timeouts, redirects — and for the commit
        long pollInterval = Long.parseLong(c.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG).toString());
        batchBudget = Duration.ofMillis(pollInterval / 3);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, transactionalId + "-consumer");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        transaction = new BatchTransaction(new TransactionalProducer(p, () -> stopped), topics, clock);
        consumer.subscribe(List.of(topics.frontier()));
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(300));
                if (!records.isEmpty()) {
                    fetchAndCommit(records);
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ProducerFencedException e) {
            LOG.error("ingest worker fenced by a newer instance with the same transactional id; stopping", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            transaction.close();
        }
    }

    /**
     * Fetches the poll's hosts in parallel on the shared fetch pool (each host's entries in order,
     * one at a time) and commits what is finished at least every {@link #MAX_BATCH_MILLIS}.
     */
    private void fetchAndCommit(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        PollBatch batch = new PollBatch(records, states, batchBudget);
        Map<String, List<ConsumerRecord<String, byte[]>>> byHost = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            byHost.computeIfAbsent(r.partition() + "/" + r.key(), k -> new ArrayList<>()).add(r);
        }
        for (List<ConsumerRecord<String, byte[]>> host : byHost.values()) {
            batch.taskStarted();
            try {
                fetchPool.execute(() -> fetchHost(host, batch));
            } catch (RejectedExecutionException e) {
                batch.taskEnded(); // shutting down: the entries stay uncommitted and come again
            }
        }
        boolean allDone;
        do {
            allDone = batch.awaitTasks(MAX_BATCH_MILLIS);
            if (!commit(batch)) {
                batch.abandon();
                batch.awaitTasks(0);
                batch.forgetUncommitted().forEach(this::rewind);
                return;
            }
        } while (!allDone);
        // entries left unfinished — by a stop, or a host task that died — come again: after a stop elsewhere
        // or after a restart, otherwise with the next poll (the consumer's position has passed them)
        Set<TopicPartition> unfinished = batch.forgetUncommitted();
        if (!stopped) {
            unfinished.forEach(this::rewind);
        }
    }

    private void fetchHost(List<ConsumerRecord<String, byte[]>> records, PollBatch batch) {
        try {
            boolean late = false;
            for (ConsumerRecord<String, byte[]> r : records) {
                if (stopped || batch.abandoned()) {
                    return;
                }
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                FrontierEntry entry = decode(r);
                late = late || entry != null && batch.startsTooLate(processor.hostReadyIn(entry.getUrl()));
                // a host that would hold the poll past its budget gives its turn up: its entries go back to the
                // frontier in this poll's transaction, so the offset passes them and other hosts' finished
                // entries commit rather than being fetched again
                batch.complete(tp, r.offset(), entry, late && entry != null ? UrlResult.deferred(entry,
                        "the poll's time ran out before this host's turn") : process(r, entry));
            }
        } finally {
            batch.taskEnded();
        }
    }

    private FrontierEntry decode(ConsumerRecord<String, byte[]> record) {
        try {
            return frontierSerde.decode(record.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Fetches, extracts and decides one entry; null for an undecodable record (its offset is committed alone). */
    private UrlResult process(ConsumerRecord<String, byte[]> record, FrontierEntry entry) {
        if (entry == null) {
            LOG.warn("undecodable frontier record {}-{}@{}", record.topic(), record.partition(), record.offset());
            meters.counter("khabar.ingest.frontier.undecodable").increment();
            return null;
        }
        try {
            return processor.process(entry);
        } catch (RuntimeException | StackOverflowError e) {
            // a stage boundary: the URL ends as a typed failure and the worker goes on
            LOG.warn("unexpected failure processing {}", entry.getUrl(), e);
            return UrlResult.of(FetchOutcome.EXTRACT_FAILED, 0, e.toString());
        }
    }

    /**
     * Commits the batch's committable entries in one transaction and reports each outcome.
     *
     * @return false when the transaction failed (it was aborted)
     */
    private boolean commit(PollBatch batch) {
        List<PollBatch.Item> items = new ArrayList<>(batch.committable());
        if (items.isEmpty()) {
            return true;
        }
        Optional<KafkaException> failure = transaction.write(items, consumer.groupMetadata());
        while (failure.isPresent() && transaction.markTooLarge(batch, items)) {
            // no retry can make such an article fit: it ends as publish-failed instead of blocking its partition
            // (each round marks at least one more, so this ends)
            failure = transaction.write(items, consumer.groupMetadata());
        }
        if (failure.isPresent()) {
            LOG.warn("transaction for {} frontier entries failed, will retry them: {}", items.size(),
                    failure.get().toString());
            return false;
        }
        batch.committed(items);
        for (PollBatch.Item item : items) {
            if (item.entry() != null) {
                report(item.entry(), item.result());
            }
        }
        return true;
    }

    private void report(FrontierEntry entry, UrlResult result) {
        meters.counter("khabar.ingest.outcomes", "source", entry.getSourceId(), "outcome", result.outcome().label())
                .increment();
        Source source = processor.findSource(entry.getSourceId()).orElse(null);
        if (source != null) {
            listener.onOutcome(source, URI.create(entry.getUrl()), result.outcome(), result.detail());
        }
    }

    /**
     * Puts the partition back where the last committed transaction left it: the entries that failed
     * come again, an entry whose commit did go through does not.
     */
    private void rewind(TopicPartition tp) {
        Long position = null;
        while (!stopped) {
            try {
                OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
                position = committed == null ? null : committed.offset();
                break;
            } catch (WakeupException e) {
                if (!stopped) {
                    throw e;
                }
            } catch (KafkaException e) {
                LOG.warn("cannot read the committed offset of {} yet: {}", tp, e.toString());
                sleepQuietly(500);
            }
        }
        try {
            if (position == null) {
                consumer.seekToBeginning(Set.of(tp)); // nothing committed yet: the reset policy is earliest
            } else {
                consumer.seek(tp, position);
            }
        } catch (IllegalStateException e) {
            // the partition moved to another instance in a rebalance: it resumes from the committed offset
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frontier key: the host, so all of a host's URLs share a partition and one consumer. */
    public static String hostKey(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        stop();
    }
}
