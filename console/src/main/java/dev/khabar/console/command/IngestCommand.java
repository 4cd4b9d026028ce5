package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.IngestRunner;
import dev.khabar.console.runtime.ProcessorRunner;
import dev.khabar.console.runtime.TopicSetup;
import dev.khabar.ingest.IngestReport;
import dev.khabar.ingest.Ingestor;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourcesFile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The ingest service alone, against a running cluster. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Run ingest alone against --bootstrap.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--sources", paramLabel = "FILE", description = "sources YAML file (or ingest.sources)")
    Path sources;

    @Option(names = "--once", description = "poll every source once and exit")
    boolean once;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = common.loader().flag("ingest.sources", sources).load();
        if (config.kafka().embedded()) {
            throw new IllegalArgumentException("ingest runs against a cluster: pass --bootstrap or set kafka.bootstrap");
        }
        if (config.ingest().sources() == null) {
            throw new IllegalArgumentException("no sources: pass --sources FILE or set ingest.sources");
        }
        List<Source> list = SourcesFile.load(config.ingest().sources());
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafka().bootstrap()))) {
            TopicSetup.ensure(admin, config.topics(), ProcessorRunner.taxonomy(config).categoryIds(),
                    config.kafka().partitions(), config.kafka().replicationFactor());
        }
        try (Ingestor ingestor = IngestRunner.create(config, config.kafka().bootstrap(), new SimpleMeterRegistry(),
                IngestListener.NONE)) {
            if (once) {
                IngestReport report = ingestor.pollOnce(list);
                System.out.print(report.summary());
                return 0;
            }
            IngestReport report = new IngestReport();
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt, "khabar-shutdown"));
            try {
                ingestor.runContinuously(list, report);
            } catch (InterruptedException e) {
                System.err.print(report.summary());
            }
            return 0;
        }
    }
}
