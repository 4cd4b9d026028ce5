package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.demo.SampleSite;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything on this machine: embedded broker, the bundled sample blog, ingest, processor. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker and a local sample blog site, ingest and process it, "
                + "and show each enriched article as it arrives.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--once", description = "exit 0 once every sample article has been processed")
    boolean once;

    @Option(names = "--json", description = "print each enriched article as one JSON line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = common.loader().flag("ingest.per-host-delay", "20ms").load();
        try (SampleSite site = SampleSite.start(0)) {
            System.err.println("khabar: sample site at " + site.baseUri());
            Source source = Source.of("sample-blog", SourceType.RSS, site.feedUri(), Duration.ofMinutes(1), true);
            return PipelineRun.execute(config, List.of(source), once, json, System.out, System.err);
        }
    }
}
