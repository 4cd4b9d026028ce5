package dev.khabar.ingest.frontier;

import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.FrontierEntry;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import dev.khabar.schemas.UrlState;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fetch thread: consumes the frontier in the ingest consumer group (the frontier is keyed by
 * host, so a host is served by one thread of one instance at a time) and, for each entry, writes
 * the article, the URL state, any new frontier entries, the fetch-log entry and the consumer
 * offset in one Kafka transaction. A crash re-fetches at most the entry in flight; nothing is
 * published twice.
 */
public final class FrontierWorker implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrontierWorker.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final TransactionalProducer transactions;
    private final UrlProcessor processor;
    private final UrlStates states;
    private final Topics topics;
    private final IngestListener listener;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AvroSerde<FrontierEntry> frontierSerde = AvroSerde.of(FrontierEntry.class);
    private final AvroSerde<RawArticle> rawSerde = AvroSerde.of(RawArticle.class);
    private final AvroSerde<UrlState> stateSerde = AvroSerde.of(UrlState.class);
    private final AvroSerde<FetchLogEntry> logSerde = AvroSerde.of(FetchLogEntry.class);
    private volatile boolean stopped;

    public FrontierWorker(String bootstrap, Map<String, Object> clientProperties, String groupId, String transactionalId,
                          Topics topics, UrlProcessor processor, UrlStates states, IngestListener listener,
                          MeterRegistry meters, Clock clock) {
        this.processor = processor;
        this.states = states;
        this.topics = topics;
        this.listener = listener;
        this.meters = meters;
        this.clock = clock;
        Map<String, Object> c = new HashMap<>(clientProperties);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
        c.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000); // politeness delays can be long
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
        transactions = new TransactionalProducer(p, () -> stopped);
        consumer.subscribe(List.of(topics.frontier()));
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                Set<TopicPartition> rewound = new HashSet<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (stopped) {
                        break;
                    }
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    // after a rewind the rest of that partition's batch comes again with the next poll
                    if (!rewound.contains(tp) && !handle(record, tp)) {
                        rewound.add(tp);
                    }
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        } catch (ProducerFencedException e) {
            LOG.error("ingest worker fenced by a newer instance with the same transactional id; stopping", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            transactions.close();
        }
    }

    /** @return false when the transaction failed and the partition was rewound to its committed offset */
    private boolean handle(ConsumerRecord<String, byte[]> record, TopicPartition tp) {
        FrontierEntry entry;
        try {
            entry = frontierSerde.decode(record.value());
        } catch (RuntimeException e) {
            LOG.warn("undecodable frontier record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            meters.counter("khabar.ingest.frontier.undecodable").increment();
            return commitOnly(tp, record.offset());
        }
        UrlResult result;
        try {
            result = processor.process(entry);
        } catch (RuntimeException | StackOverflowError e) {
            // a stage boundary: the URL ends as a typed failure and the worker goes on
            LOG.warn("unexpected failure processing {}", entry.getUrl(), e);
            result = UrlResult.of(FetchOutcome.EXTRACT_FAILED, 0, e.toString());
        }
        Optional<KafkaException> failure = commit(record, tp, entry, result);
        if (failure.isPresent() && result.article() != null && TransactionalProducer.isTooLarge(failure.get())) {
            // no retry can make the article fit: the URL ends as publish-failed instead of blocking its partition
            result = UrlResult.of(FetchOutcome.PUBLISH_FAILED, result.status(), "article " + result.article().getId()
                    + " is too large to publish: " + failure.get().getMessage());
            failure = commit(record, tp, entry, result);
        }
        if (failure.isPresent()) {
            LOG.warn("transaction for {} failed, will retry: {}", entry.getUrl(), failure.get().toString());
            rewind(tp, record.offset());
            return false;
        }
        result.states().forEach(states::remember);
        meters.counter("khabar.ingest.outcomes", "source", entry.getSourceId(), "outcome", result.outcome().label())
                .increment();
        Source source = processor.findSource(entry.getSourceId()).orElse(null);
        if (source != null) {
            listener.onOutcome(source, URI.create(entry.getUrl()), result.outcome(), result.detail());
        }
        return true;
    }

    /**
     * Writes everything {@code result} produced and the consumer offset in one transaction.
     *
     * @return the failure, after the transaction was aborted, or empty once it committed
     */
    private Optional<KafkaException> commit(ConsumerRecord<String, byte[]> record, TopicPartition tp, FrontierEntry entry,
                                            UrlResult result) {
        KafkaProducer<String, byte[]> producer = transactions.get();
        Future<RecordMetadata> articleSend = null;
        try {
            producer.beginTransaction();
            if (result.article() != null) {
                articleSend = producer.send(new ProducerRecord<>(topics.raw(), result.article().getId(),
                        rawSerde.encode(result.article())));
            }
            for (UrlState s : result.states()) {
                producer.send(new ProducerRecord<>(topics.ingestState(), s.getUrl(), stateSerde.encode(s)));
            }
            for (FrontierEntry f : result.followUps()) {
                producer.send(new ProducerRecord<>(topics.frontier(), hostKey(f.getUrl()), frontierSerde.encode(f)));
            }
            producer.send(new ProducerRecord<>(topics.fetchLog(), entry.getUrl(), logSerde.encode(logEntry(entry, result))));
            producer.sendOffsetsToTransaction(Map.of(tp, new OffsetAndMetadata(record.offset() + 1)),
                    consumer.groupMetadata());
            producer.commitTransaction();
            return Optional.empty();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            transactions.abortOrReplace();
            return Optional.of(TransactionalProducer.sendFailure(articleSend).orElse(e));
        }
    }

    /**
     * Puts the partition back where the last committed transaction left it: the entry that failed (and
     * anything after it) comes again, an entry whose commit did go through does not.
     */
    private void rewind(TopicPartition tp, long failedOffset) {
        long position = failedOffset;
        while (!stopped) {
            try {
                OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
                position = committed == null ? failedOffset : committed.offset();
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
            consumer.seek(tp, position);
        } catch (IllegalStateException e) {
            // the partition moved to another instance in a rebalance: it resumes from the committed offset
        }
    }

    /** Commits only the offset past an undecodable record; false (rewound) when that fails. */
    private boolean commitOnly(TopicPartition tp, long offset) {
        KafkaProducer<String, byte[]> producer = transactions.get();
        try {
            producer.beginTransaction();
            producer.sendOffsetsToTransaction(Map.of(tp, new OffsetAndMetadata(offset + 1)), consumer.groupMetadata());
            producer.commitTransaction();
            return true;
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            transactions.abortOrReplace();
            rewind(tp, offset);
            return false;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FetchLogEntry logEntry(FrontierEntry entry, UrlResult r) {
        return FetchLogEntry.newBuilder()
                .setUrl(entry.getUrl()).setSourceId(entry.getSourceId()).setOutcome(r.outcome().label())
                .setHttpStatus(r.status()).setDetail(r.detail() == null ? "" : r.detail())
                .setArticleId(r.article() == null ? null : r.article().getId())
                .setVersion(r.article() == null ? null : r.article().getVersion())
                .setAt(clock.instant()).setRunId(entry.getRunId()).setFollowUps(r.followUps().size())
                .build();
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
