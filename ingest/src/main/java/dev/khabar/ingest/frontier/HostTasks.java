package dev.khabar.ingest.frontier;

import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.FrontierEntry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A frontier worker's host tasks on the instance's fetch pool: a task takes its host's entries
 * from {@link InFlight} in order, one at a time, fetches and extracts each and records the result,
 * until the host's queue is empty. One task per host at a time keeps one request per host.
 */
final class HostTasks {

    private static final Logger LOG = LoggerFactory.getLogger(HostTasks.class);

    private final InFlight inFlight;
    private final UrlProcessor processor;
    private final ExecutorService pool;
    private final MeterRegistry meters;
    private final BooleanSupplier stopped;
    private final AvroSerde<FrontierEntry> frontierSerde = AvroSerde.of(FrontierEntry.class);

    HostTasks(InFlight inFlight, UrlProcessor processor, ExecutorService pool, MeterRegistry meters, BooleanSupplier stopped) {
        this.inFlight = inFlight;
        this.processor = processor;
        this.pool = pool;
        this.meters = meters;
        this.stopped = stopped;
    }

    /** Starts a task for a host that has none (the host keys {@link InFlight#add} returns). */
    void start(String host) {
        try {
            pool.execute(() -> run(host));
        } catch (RejectedExecutionException e) {
            inFlight.taskEnded(host); // shutting down: the entries stay uncommitted and come again
        }
    }

    /** Takes the host's entries in order, one at a time, until its queue is empty. */
    private void run(String host) {
        boolean drained = false;
        try {
            while (!stopped.getAsBoolean()) {
                InFlight.Queued q = inFlight.next(host);
                if (q == null) {
                    drained = true;
                    return;
                }
                ConsumerRecord<String, byte[]> r = q.record();
                FrontierEntry entry = decode(r);
                // a host that would make an entry start past its time budget (crawl-delay, Retry-After) gives up its
                // turn: the entry goes back to the frontier in the next transaction, so the offset passes it and the
                // partition's other hosts' finished entries commit rather than waiting for it
                boolean late = entry != null && q.startsTooLate(processor.hostReadyIn(entry.getUrl()));
                inFlight.complete(q, entry, late
                        ? UrlResult.deferred(entry, "the entry's time ran out before this host's turn") : process(r, entry));
            }
        } finally {
            if (!drained) {
                inFlight.taskEnded(host); // stopped, or died: what it did not finish stays uncommitted
            }
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
}
