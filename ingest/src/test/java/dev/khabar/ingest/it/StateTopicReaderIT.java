package dev.khabar.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.frontier.SiteKeys;
import dev.khabar.ingest.frontier.StateTopicReader;
import dev.khabar.ingest.frontier.UrlStates;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.UrlState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a worker finds in the URL states of a frontier partition it is given. */
@ExtendWith(EmbeddedKafkaExtension.class)
class StateTopicReaderIT {

    private static final AvroSerde<UrlState> SERDE = AvroSerde.of(UrlState.class);
    private final EmbeddedKafkaBroker kafka;

    StateTopicReaderIT(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
    }

    private static UrlState fetched(String url) {
        return UrlState.newBuilder().setUrl(url).setLastFetched(Instant.parse("2026-11-29T08:00:00Z"))
                .setVersion(1).setContentHash("h1").setLastOutcome("published").build();
    }

    /** The previous owner's last batch: its state written, its transaction not yet committed or aborted. */
    private static void writeInOpenTransaction(KafkaProducer<String, byte[]> owner, String topic, int partition, UrlState state) {
        owner.initTransactions();
        owner.beginTransaction();
        owner.send(new ProducerRecord<>(topic, partition, state.getUrl(), SERDE.encode(state)));
        owner.flush();
    }

    /** A previous owner of a frontier partition, as its worker writes URL states: in transactions. */
    private KafkaProducer<String, byte[]> transactionalProducer(String transactionalId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @Test
    void aPartitionGivenWhileItsPreviousOwnersTransactionIsStillOpenIsLoadedWithThatTransactionsStates() throws Exception {
        IngestHarness h = new IngestHarness(kafka, "reader-open."); // frontier and states: 3 partitions
        String url = "https://site1.example/just-fetched";
        int partition = SiteKeys.partition(url, 3);
        UrlState fetched = fetched(url);
        try (KafkaProducer<String, byte[]> previousOwner = transactionalProducer("reader-open-previous-owner");
             StateTopicReader reader = StateTopicReader.open(kafka.bootstrapServers(), Map.of(), h.topics, UrlStates::partitioned)) {
            // the reader's thread is running and its consumer connected: the partition below loads in a poll or two,
            // well inside the second the test gives it
            assertThat(reader.acquire(List.of((partition + 1) % 3), () -> false)).isTrue();
            // the previous owner's last batch: its commit not yet seen by the state partition
            writeInOpenTransaction(previousOwner, h.topics.ingestState(), partition, fetched);

            // the new owner's worker is given the partition: once acquire returns it takes entries, so what it
            // knows at that moment is what it fetches by
            CompletableFuture<Boolean> knownWhenAcquired = CompletableFuture.supplyAsync(() -> {
                try {
                    assertThat(reader.acquire(List.of(partition), () -> false)).isTrue();
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
                return reader.states().find(url).isPresent();
            });
            Thread.sleep(1_000);
            assertThat(knownWhenAcquired).as("loaded while a transaction on the partition is open").isNotDone();

            previousOwner.commitTransaction();

            assertThat(knownWhenAcquired.get(60, TimeUnit.SECONDS))
                    .as("the URL the previous owner fetched last is known when the partition is loaded").isTrue();
        }
    }

    @Test
    void aTransactionThePreviousOwnerAbortsEndsTheWaitAndLeavesNothingBehind() throws Exception {
        IngestHarness h = new IngestHarness(kafka, "reader-aborted.");
        String url = "https://site2.example/never-committed";
        int partition = SiteKeys.partition(url, 3);
        UrlState fetched = fetched(url);
        try (KafkaProducer<String, byte[]> previousOwner = transactionalProducer("reader-aborted-previous-owner");
             StateTopicReader reader = StateTopicReader.open(kafka.bootstrapServers(), Map.of(), h.topics, UrlStates::partitioned)) {
            writeInOpenTransaction(previousOwner, h.topics.ingestState(), partition, fetched);
            CompletableFuture<Boolean> acquired = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.acquire(List.of(partition), () -> false);
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            });

            previousOwner.abortTransaction();

            assertThat(acquired.get(60, TimeUnit.SECONDS)).isTrue();
            assertThat(reader.states().find(url)).as("an aborted fetch is not a fetch").isEmpty();
        }
    }
}
