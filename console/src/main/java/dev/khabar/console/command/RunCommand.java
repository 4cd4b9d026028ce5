package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.ingest.source.SourcesFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole pipeline against your own sources, on your cluster or the embedded broker. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Ingest your sources and process them; on --bootstrap's cluster or, without it, an embedded broker.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--sources", paramLabel = "FILE", description = "sources YAML file (or ingest.sources in the config)")
    Path sources;

    @Option(names = "--once", description = "ingest every source once, wait for the processor, print a summary, exit")
    boolean once;

    @Option(names = "--json", description = "print each enriched article as one JSON line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = common.loader().flag("ingest.sources", sources).load();
        if (config.ingest().sources() == null) {
            throw new IllegalArgumentException("no sources: pass --sources FILE or set ingest.sources");
        }
        return PipelineRun.execute(config, SourcesFile.load(config.ingest().sources()), once, json, System.out,
                System.err);
    }
}
