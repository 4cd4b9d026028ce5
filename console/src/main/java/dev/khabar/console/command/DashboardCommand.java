package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.dashboard.Dashboard;
import dev.khabar.console.dashboard.DashboardMetrics;
import dev.khabar.console.runtime.KafkaEndpoint;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The web dashboard alone, against a running cluster: the counts come from news.stats. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Serve the web dashboard (and /metrics, /health, /ready) for the pipeline on --bootstrap.")
public final class DashboardCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "PORT",
            description = "port to serve on (default: console.dashboard-port, 8080; 0 = any free port)")
    Integer port;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = CommonOptions.requireCluster(common.loader().flag("console.dashboard-port", port).load(), "dashboard");
        if (config.console().dashboardPort() < 0) {
            throw new IllegalArgumentException("console.dashboard-port is -1 (off); pass --port PORT");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (KafkaEndpoint kafka = KafkaEndpoint.open(config);
             Dashboard dashboard = Dashboard.start(new Dashboard.Options(config.console().dashboardPort(),
                     kafka.bootstrap(), kafka.clientProperties(), config.topics(), DashboardMetrics.prometheus(), null))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "khabar-shutdown"));
            System.err.println("khabar: dashboard at " + dashboard.uri() + " for Kafka at " + kafka.bootstrap()
                    + "; Ctrl-C stops");
            stopped.await();
        }
        return 0;
    }
}
