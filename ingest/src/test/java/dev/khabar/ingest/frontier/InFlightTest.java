package dev.khabar.ingest.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.schemas.UrlState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InFlightTest {

    private static final TopicPartition P0 = new TopicPartition("news.frontier", 0);
    private static final TopicPartition P1 = new TopicPartition("news.frontier", 1);
    private static final Duration BUDGET = Duration.ofMinutes(5);
    /** The host key of {@link #record(TopicPartition, long)} on P0. */
    private static final String HOST0 = "0/host";

    @Test
    void anEntryStartsTooLateWhenItsHostsWaitReachesPastItsBudget() throws InterruptedException {
        InFlight batch = inFlight(List.of(record(P0, 0)), new UrlStates(), Duration.ofMinutes(1));
        InFlight.Queued q = batch.next(HOST0);
        assertThat(q.startsTooLate(Duration.ZERO)).isFalse();
        assertThat(q.startsTooLate(Duration.ofSeconds(30))).isFalse();
        assertThat(q.startsTooLate(Duration.ofSeconds(61))).isTrue();
        InFlight spent = inFlight(List.of(record(P0, 0)), new UrlStates(), Duration.ofMillis(20));
        Thread.sleep(40);
        assertThat(spent.next(HOST0).startsTooLate(Duration.ZERO)).isTrue();
    }

    @Test
    void aHostsEntriesGoToOneTaskInOrderAndALaterPollJoinsItsQueue() {
        InFlight batch = new InFlight(new UrlStates(), BUDGET);
        assertThat(batch.add(List.of(record(P0, 0, "a"), record(P0, 1, "b"), record(P0, 2, "a"))))
                .containsExactly("0/a", "0/b");
        assertThat(batch.next("0/a").record().offset()).isEqualTo(0);
        assertThat(batch.add(List.of(record(P0, 3, "a")))).as("a's task is still running").isEmpty();
        assertThat(batch.next("0/a").record().offset()).isEqualTo(2);
        assertThat(batch.next("0/a").record().offset()).isEqualTo(3);
        assertThat(batch.next("0/a")).isNull();
        assertThat(batch.idle()).as("b's task runs").isFalse();
        assertThat(batch.next("0/b").record().offset()).isEqualTo(1);
        assertThat(batch.next("0/b")).isNull();
        assertThat(batch.idle()).isTrue();
        assertThat(batch.size()).as("polled, not committed").isEqualTo(4);
        assertThat(batch.add(List.of(record(P0, 4, "a")))).as("a new task for a").containsExactly("0/a");
    }

    @Test
    void abandonedEntriesAreNotTakenAndForgettingThemMakesRoomForNewOnes() {
        InFlight batch = inFlight(List.of(record(P0, 0), record(P0, 1), record(P1, 0)), new UrlStates(), BUDGET);
        batch.complete(P0, 0, null, null);
        batch.abandon();
        assertThat(batch.next(HOST0)).isNull();
        assertThat(batch.idle()).as("P1's host still has its task").isFalse();
        assertThat(batch.next("1/host")).isNull();
        assertThat(batch.idle()).isTrue();

        assertThat(batch.forgetUncommitted()).containsExactlyInAnyOrder(P0, P1);

        assertThat(batch.size()).isZero();
        assertThat(batch.committable()).isEmpty();
        assertThat(batch.add(List.of(record(P0, 0)))).containsExactly(HOST0);
        assertThat(batch.next(HOST0).record().offset()).isZero();
    }

    @Test
    void anOffsetOnlyPassesFinishedEntries() {
        InFlight batch = inFlight(List.of(record(P0, 7), record(P0, 8), record(P0, 9), record(P1, 3)), new UrlStates(), BUDGET);
        batch.complete(P0, 8, null, null); // a faster host finished first
        batch.complete(P1, 3, null, null);

        assertThat(batch.committable()).extracting(InFlight.Item::offset).containsExactly(3L);

        batch.complete(P0, 7, null, null);
        List<InFlight.Item> items = batch.committable();
        assertThat(items).extracting(InFlight.Item::offset).containsExactlyInAnyOrder(7L, 8L, 3L);
        assertThat(InFlight.offsets(items)).containsEntry(P0, new OffsetAndMetadata(9))
                .containsEntry(P1, new OffsetAndMetadata(4)).hasSize(2);

        batch.committed(items);
        assertThat(batch.committable()).isEmpty();
        batch.complete(P0, 9, null, null);
        assertThat(batch.committable()).extracting(InFlight.Item::offset).containsExactly(9L);
    }

    @Test
    void aFailedCommitTakesBackTheStatesSoTheRefetchPublishesAgain() {
        UrlStates states = new UrlStates();
        UrlState before = state("https://a.example/x", 10, "h1", 1);
        states.remember(before);
        InFlight batch = inFlight(List.of(record(P0, 4), record(P0, 5), record(P1, 0)), states, BUDGET);
        batch.complete(P1, 0, null, published(state("https://b.example/y", 20, "hy", 1)));
        batch.committed(batch.committable());
        batch.complete(P0, 4, null, published(state("https://a.example/x", 20, "h2", 2)));
        batch.complete(P0, 5, null, published(state("https://a.example/new", 20, "h3", 1)));
        // a later entry of the same host sees what the earlier ones decided
        assertThat(states.find("https://a.example/x")).get().extracting(UrlState::getContentHash).isEqualTo("h2");

        assertThat(batch.forgetUncommitted()).containsExactly(P0);

        assertThat(states.find("https://a.example/x")).contains(before);
        assertThat(states.find("https://a.example/new")).isEmpty();
        assertThat(states.find("https://b.example/y")).as("committed states stay").isPresent();
    }

    @Test
    void aStateThatArrivedFromTheTopicMeanwhileIsKept() {
        UrlStates states = new UrlStates();
        InFlight batch = inFlight(List.of(record(P0, 0)), states, BUDGET);
        batch.complete(P0, 0, null, published(state("https://a.example/x", 20, "mine", 1)));
        UrlState other = state("https://a.example/x", 30, "theirs", 1);
        states.remember(other); // another instance's newer fetch, read from the state topic

        batch.forgetUncommitted();

        assertThat(states.find("https://a.example/x")).contains(other);
    }

    @Test
    void replacingAResultTakesBackOnlyThatEntrysStates() {
        UrlStates states = new UrlStates();
        InFlight batch = inFlight(List.of(record(P0, 0), record(P0, 1)), states, BUDGET);
        batch.complete(P0, 0, null, published(state("https://a.example/huge", 20, "big", 1)));
        batch.complete(P0, 1, null, published(state("https://a.example/ok", 20, "small", 1)));

        InFlight.Item replaced = batch.replace(batch.committable().get(0),
                UrlResult.of(FetchOutcome.PUBLISH_FAILED, 200, "too large"));

        assertThat(states.find("https://a.example/huge")).isEmpty();
        assertThat(states.find("https://a.example/ok")).isPresent();
        assertThat(replaced.result().outcome()).isEqualTo(FetchOutcome.PUBLISH_FAILED);
        assertThat(batch.committable().get(0).result().outcome()).isEqualTo(FetchOutcome.PUBLISH_FAILED);
    }

    @Test
    @Timeout(10)
    void awaitingTasksReturnsOnceTheLastEnds() throws Exception {
        InFlight batch = inFlight(List.of(record(P0, 0)), new UrlStates(), BUDGET);
        assertThat(batch.awaitIdle(20)).isFalse();
        assertThat(batch.next(HOST0)).isNotNull(); // the host's task takes its entry
        AtomicBoolean idle = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                idle.set(batch.awaitIdle(0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        assertThat(idle).isFalse();
        assertThat(batch.next(HOST0)).isNull(); // its queue is empty: the task ends and the waiter wakes
        waiter.join();
        assertThat(idle).isTrue();
    }

    @Test
    void aTaskThatEndsEarlyLeavesItsEntriesQueuedAndItsHostFreeForANewTask() {
        InFlight batch = inFlight(List.of(record(P0, 0), record(P0, 1)), new UrlStates(), BUDGET);
        batch.next(HOST0);
        batch.complete(P0, 0, null, null);
        batch.taskEnded(HOST0); // stopped, or died
        assertThat(batch.idle()).isTrue();
        assertThat(batch.committable()).extracting(InFlight.Item::offset).containsExactly(0L);
        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.add(List.of(record(P0, 2)))).containsExactly(HOST0);
        assertThat(batch.next(HOST0).record().offset()).as("the new task goes on in order").isEqualTo(1);
    }

    @Test
    void aResultOfAnEntryTakenBeforeItsEntriesWereForgottenIsDropped() {
        UrlStates states = new UrlStates();
        InFlight batch = inFlight(List.of(record(P0, 0)), states, BUDGET);
        InFlight.Queued taken = batch.next(HOST0);
        batch.abandon();
        batch.forgetUncommitted(); // the worker gave up while the task was still fetching
        batch.add(List.of(record(P0, 0))); // polled again after the rewind

        batch.complete(taken, null, published(state("https://a.example/late", 20, "h", 1)));

        assertThat(states.find("https://a.example/late")).as("no state without a transaction").isEmpty();
        assertThat(batch.committable()).isEmpty();
    }

    @Test
    void aPartitionIsBackloggedByItsOwnUncommittedEntries() {
        InFlight batch = inFlight(List.of(record(P0, 0), record(P0, 1), record(P1, 0)), new UrlStates(), BUDGET);
        assertThat(batch.partitionsWithAtLeast(2)).containsExactly(P0);
        batch.complete(P0, 0, null, null);
        batch.committed(batch.committable());
        assertThat(batch.partitionsWithAtLeast(2)).isEmpty();
        assertThat(batch.partitionsWithAtLeast(1)).containsExactlyInAnyOrder(P0, P1);
    }

    @Test
    void committingShrinksWhatIsInFlight() {
        InFlight batch = inFlight(List.of(record(P0, 0), record(P0, 1)), new UrlStates(), BUDGET);
        batch.complete(P0, 0, null, null);
        batch.committed(batch.committable());
        assertThat(batch.size()).isEqualTo(1);
        assertThat(batch.forgetUncommitted()).containsExactly(P0);
    }

    /** Queues {@code records} as a poll would; their host's task is then running. */
    private static InFlight inFlight(List<ConsumerRecord<String, byte[]>> records, UrlStates states, Duration budget) {
        InFlight batch = new InFlight(states, budget);
        batch.add(records);
        return batch;
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition p, long offset, String host) {
        return new ConsumerRecord<>(p.topic(), p.partition(), offset, host, new byte[0]);
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition p, long offset) {
        return new ConsumerRecord<>(p.topic(), p.partition(), offset, "host", new byte[0]);
    }

    private static UrlResult published(UrlState s) {
        return UrlResult.of(FetchOutcome.PUBLISHED, 200, "").withStates(List.of(s));
    }

    private static UrlState state(String url, long at, String hash, int version) {
        return UrlState.newBuilder().setUrl(url).setLastFetched(Instant.ofEpochSecond(at)).setContentHash(hash)
                .setVersion(version).setLastOutcome("published").build();
    }
}
