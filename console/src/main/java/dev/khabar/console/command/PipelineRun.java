package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.dashboard.DashboardMetrics;
import dev.khabar.console.runtime.PipelineSession;
import dev.khabar.console.runtime.TopicTail;
import dev.khabar.console.view.ArticleLine;
import dev.khabar.console.view.AvroJson;
import dev.khabar.console.view.ProgressLine;
import dev.khabar.console.view.SchemaPublisher;
import dev.khabar.ingest.source.Source;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.EnrichedArticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code demo} and {@code run} share: start everything (with the dashboard, unless
 * {@code console.dashboard-port} is -1), publish the schemas, ingest, show the enriched articles
 * under a live status line.
 */
final class PipelineRun {

    static final Duration ONCE_TIMEOUT = Duration.ofMinutes(3);

    private PipelineRun() {
    }

    static int execute(KhabarConfig config, List<Source> sources, boolean once, boolean json, PrintStream out,
                       PrintStream err) throws Exception {
        ProgressLine progress = new ProgressLine(err, !json && System.console() != null);
        Consumer<EnrichedArticle> show = a -> progress.article(a, () -> {
            out.println(json ? AvroJson.line(a) : ArticleLine.of(a));
            out.flush();
        });
        PrometheusMeterRegistry metrics = DashboardMetrics.prometheus();
        try (PipelineSession session = PipelineSession.start(config, sources, metrics, progress);
             AutoCloseable streamsMetrics = DashboardMetrics.bind(metrics, session.processor().streams());
             AutoCloseable dashboard = OperatorEndpoints.start(config, session.bootstrap(),
                     session.kafka().clientProperties(), metrics, session.processor().streams(), err)) {
            err.println("khabar: Kafka at " + session.bootstrap() + (session.kafka().isEmbedded() ? " (embedded)" : "")
                    + ", " + sources.size() + " source(s)");
            SchemaPublisher.publish(session.bootstrap(), session.kafka().clientProperties(), config.topics().schemas());
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
}
