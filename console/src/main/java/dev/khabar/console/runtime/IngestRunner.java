package dev.khabar.console.runtime;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.Ingestor;
import dev.khabar.ingest.extract.ArticleExtractor;
import dev.khabar.ingest.fetch.AddressGuard;
import dev.khabar.ingest.fetch.PageFetcher;
import dev.khabar.ingest.publish.ArticlePublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Wires ingest's parts from the configuration. */
public final class IngestRunner {

    private IngestRunner() {
    }

    public static Ingestor create(KhabarConfig config, String bootstrap, MeterRegistry meters, IngestListener listener) {
        PageFetcher fetcher = new PageFetcher(config.ingest().fetch(), AddressGuard.system());
        ArticlePublisher publisher = ArticlePublisher.create(bootstrap, config.kafka().clientProperties(),
                config.topics().raw());
        return new Ingestor(fetcher, new ArticleExtractor(), publisher, meters, listener, config.ingest().threads(),
                Clock.systemUTC());
    }
}
