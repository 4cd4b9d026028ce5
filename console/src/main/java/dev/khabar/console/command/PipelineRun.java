package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.PipelineSession;
import dev.khabar.console.runtime.TopicTail;
import dev.khabar.console.view.ArticleLine;
import dev.khabar.console.view.AvroJson;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.source.Source;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.EnrichedArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** What {@code demo} and {@code run} share: start everything, ingest, show the enriched articles. */
final class PipelineRun {

    static final Duration ONCE_TIMEOUT = Duration.ofMinutes(3);

    private PipelineRun() {
    }

    static int execute(KhabarConfig config, List<Source> sources, boolean once, boolean json, PrintStream out,
                       PrintStream err) throws InterruptedException {
        Consumer<EnrichedArticle> show = a -> {
            out.println(json ? AvroJson.line(a) : ArticleLine.of(a));
            out.flush();
        };
        ProgressLine progress = new ProgressLine(err, !json && System.console() != null);
        try (PipelineSession session = PipelineSession.start(config, sources, new SimpleMeterRegistry(), progress)) {
            err.println("khabar: Kafka at " + session.bootstrap() + (session.kafka().isEmbedded() ? " (embedded)" : "")
                    + ", " + sources.size() + " source(s)");
            if (once) {
                PipelineSession.OnceResult result = session.runOnce(show, ONCE_TIMEOUT);
                progress.finish();
                err.print(result.report().summary());
                err.printf("khabar: %d enriched, %d dead letters%n", result.enriched(), result.deadLetters());
                if (!result.complete()) {
                    err.println("khabar: the processor did not catch up within " + ONCE_TIMEOUT.toSeconds() + " s");
                    return 1;
                }
                return 0;
            }
            return runForever(config, session, show, err);
        }
    }

    private static int runForever(KhabarConfig config, PipelineSession session, Consumer<EnrichedArticle> show,
                                  PrintStream err) throws InterruptedException {
        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class);
        Thread ingest = new Thread(() -> {
            try {
                session.ingestContinuously();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "khabar-ingest-loop");
        try (TopicTail tail = new TopicTail(session.bootstrap(), session.kafka().clientProperties(),
                List.of(config.topics().enriched()), true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(tail::stop, "khabar-shutdown"));
            ingest.setDaemon(true);
            ingest.start();
            err.println("khabar: running; Ctrl-C stops");
            tail.run((topic, record) -> show.accept(serde.decode(record.value())), () -> false);
        } finally {
            ingest.interrupt();
        }
        return 0;
    }

    /** A status line on the terminal (fetched, published, failed) instead of scrolling logs. */
    static final class ProgressLine implements IngestListener {
        private final PrintStream err;
        private final boolean live;
        private int total;
        private int published;
        private int failed;

        ProgressLine(PrintStream err, boolean live) {
            this.err = err;
            this.live = live;
        }

        @Override
        public synchronized void onOutcome(Source source, java.net.URI url, dev.khabar.ingest.fetch.FetchOutcome outcome,
                                           String detail) {
            total++;
            if (outcome == dev.khabar.ingest.fetch.FetchOutcome.PUBLISHED) {
                published++;
            } else if (outcome.isFailure()) {
                failed++;
            }
            if (live) {
                err.printf("\r  urls %d  published %d  failed %d   ", total, published, failed);
                err.flush();
            }
        }

        synchronized void finish() {
            if (live) {
                err.println();
            }
        }
    }
}
