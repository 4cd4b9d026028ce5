package dev.khabar.ingest.frontier;

import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.FrontierEntry;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import dev.khabar.schemas.UrlState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Writes finished frontier entries to Kafka in one transaction: per entry its article, URL states,
 * new frontier entries and fetch-log entry, and the consumer offsets past the entries.
 */
final class BatchTransaction implements AutoCloseable {

    private final TransactionalProducer transactions;
    private final Topics topics;
    private final Clock clock;
    /** The state topic's partition count: a state goes to its site's partition ({@link SiteKeys}). */
    private final int statePartitions;
    private final AvroSerde<FrontierEntry> frontierSerde = AvroSerde.of(FrontierEntry.class);
    private final AvroSerde<RawArticle> rawSerde = AvroSerde.of(RawArticle.class);
    private final AvroSerde<UrlState> stateSerde = AvroSerde.of(UrlState.class);
    private final AvroSerde<FetchLogEntry> logSerde = AvroSerde.of(FetchLogEntry.class);
    /** The last write's article sends, one per item (null where it had no article). */
    private final List<Future<RecordMetadata>> articleSends = new ArrayList<>();

    BatchTransaction(TransactionalProducer transactions, Topics topics, int statePartitions, Clock clock) {
        this.transactions = transactions;
        this.statePartitions = statePartitions;
        this.topics = topics;
        this.clock = clock;
    }

    /**
     * Writes {@code items} and the offsets past them in one transaction.
     *
     * @return the failure, after the transaction was aborted, or empty once it committed
     */
    Optional<KafkaException> write(List<InFlight.Item> items, ConsumerGroupMetadata group) {
        KafkaProducer<String, byte[]> producer = transactions.get();
        articleSends.clear();
        try {
            producer.beginTransaction();
            for (InFlight.Item item : items) {
                send(producer, item.entry(), item.result());
            }
            producer.sendOffsetsToTransaction(InFlight.offsets(items), group);
            producer.commitTransaction();
            return Optional.empty();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            transactions.abortOrReplace();
            return Optional.of(e);
        }
    }

    /**
     * Sends one entry's records, noting its article's send (null for none) in {@code articleSends}
     * first: a send that fails for size fails the ones after it, and must still be found.
     */
    private void send(KafkaProducer<String, byte[]> producer, FrontierEntry entry, UrlResult result) {
        if (entry == null) {
            articleSends.add(null); // an undecodable record: only its offset is committed
            return;
        }
        articleSends.add(result.article() == null ? null : producer.send(new ProducerRecord<>(topics.raw(),
                result.article().getId(), rawSerde.encode(result.article()))));
        for (UrlState s : result.states()) {
            producer.send(new ProducerRecord<>(topics.ingestState(), SiteKeys.partition(s.getUrl(), statePartitions),
                    s.getUrl(), stateSerde.encode(s)));
        }
        for (FrontierEntry f : result.followUps()) {
            producer.send(new ProducerRecord<>(topics.frontier(), SiteKeys.of(f.getUrl()),
                    frontierSerde.encode(f)));
        }
        producer.send(new ProducerRecord<>(topics.fetchLog(), entry.getUrl(), logSerde.encode(logEntry(entry, result))));
    }

    /**
     * After a failed {@link #write}: turns each article whose send failed for its size into a
     * publish-failed outcome, in {@code items} and in {@code batch}.
     *
     * @return whether any did (so another write can succeed)
     */
    boolean markTooLarge(InFlight batch, List<InFlight.Item> items) {
        boolean any = false;
        for (int i = 0; i < articleSends.size(); i++) {
            Optional<KafkaException> sendFailure = TransactionalProducer.sendFailure(articleSends.get(i));
            if (sendFailure.isPresent() && TransactionalProducer.isTooLarge(sendFailure.get())) {
                InFlight.Item item = items.get(i);
                items.set(i, batch.replace(item, UrlResult.of(FetchOutcome.PUBLISH_FAILED, item.result().status(),
                        "article " + item.result().article().getId() + " is too large to publish: "
                                + sendFailure.get().getMessage())));
                any = true;
            }
        }
        return any;
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

    @Override
    public void close() {
        transactions.close();
    }
}
