package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.IngestRunner;
import dev.khabar.console.runtime.KafkaEndpoint;
import dev.khabar.console.runtime.ProcessorRunner;
import dev.khabar.console.runtime.TopicSetup;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourcesFile;
import dev.khabar.console.dashboard.DashboardMetrics;
import dev.khabar.console.view.SchemaPublisher;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The ingest service alone, against a running cluster; several instances share the frontier. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Run ingest alone against --bootstrap.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--sources", paramLabel = "FILE", description = "sources YAML file (or ingest.sources)")
    Path sources;

    @Option(names = "--no-discovery", description = "only fetch from the shared frontier; another instance discovers")
    boolean noDiscovery;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = CommonOptions.requireCluster(common.loader().flag("ingest.sources", sources).load(), "ingest");
        if (config.ingest().sources() == null) {
            throw new IllegalArgumentException("no sources: pass --sources FILE or set ingest.sources");
        }
        List<Source> list = SourcesFile.load(config.ingest().sources());
        try (KafkaEndpoint kafka = KafkaEndpoint.open(config)) {
            try (Admin admin = kafka.admin()) {
                TopicSetup.ensure(admin, config.topics(), ProcessorRunner.taxonomy(config).categoryIds(),
                        config.kafka().partitions(), config.kafka().replicationFactor());
            }
            SchemaPublisher.publish(kafka.bootstrap(), kafka.clientProperties(), config.topics().schemas());
            PrometheusMeterRegistry metrics = DashboardMetrics.prometheus();
            java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
            try (IngestService ingest = IngestRunner.start(config, kafka.bootstrap(), kafka.clientProperties(), list,
                    metrics, IngestListener.NONE);
                 AutoCloseable endpoints = OperatorEndpoints.start(config, kafka.bootstrap(), kafka.clientProperties(),
                         metrics, null, System.err)) {
                Thread main = Thread.currentThread();
                // on SIGTERM the main thread closes ingest (workers commit what they finished) before the JVM exits
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    main.interrupt();
                    try {
                        closed.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "khabar-shutdown"));
                System.err.println("khabar: ingest " + config.ingest().instanceId() + " on " + kafka.bootstrap());
                try {
                    if (noDiscovery) {
                        while (true) {
                            ingest.checkWorkers();
                            Thread.sleep(1000);
                        }
                    } else {
                        ingest.discoverContinuously();
                    }
                } catch (InterruptedException e) {
                    // shutdown
                } catch (IllegalStateException e) {
                    // a worker stopped on its own: end, so that whatever runs ingest starts it again
                    System.err.println("khabar: " + e.getMessage());
                    return 1;
                }
            } finally {
                closed.countDown();
            }
        }
        return 0;
    }
}
