package dev.khabar.console.runtime;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.source.Source;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Wires ingest's parts from the configuration. */
public final class IngestRunner {

    private IngestRunner() {
    }

    public static IngestService start(KhabarConfig config, String bootstrap, Map<String, Object> clientProperties,
                                      List<Source> sources, MeterRegistry meters, IngestListener listener) {
        KhabarConfig.Ingest i = config.ingest();
        IngestService.Options options = new IngestService.Options(i.groupId(), i.instanceId(), i.threads(), i.fetch(),
                i.maxCrawlDelay(), i.stateDir());
        return IngestService.start(options, bootstrap, clientProperties, config.topics(), sources, meters, listener,
                Clock.systemUTC());
    }
}
