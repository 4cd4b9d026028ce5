package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.dashboard.KafkaOverview;
import dev.khabar.console.runtime.KafkaEndpoint;
import dev.khabar.ingest.source.SourcesFile;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Khabar's topics with partitions, end offsets and records/s, then every consumer group's lag. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"List Khabar's topics with partitions, end offsets and records/s, then each consumer group's lag.",
                "Records/s compares end offsets sampled twice, --interval apart (transaction markers count too)."})
public final class TopicsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s",
            description = "time between the two samples records/s is measured over, e.g. 1s, 500ms, 1m (default 1s)")
    String interval;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = CommonOptions.requireCluster(common.load(), "topics");
        Duration gap = SourcesFile.parseDuration(interval);
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("--interval must be positive: '" + interval + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaEndpoint kafka = KafkaEndpoint.open(config); Admin admin = kafka.admin()) {
            KafkaOverview overview = new KafkaOverview(admin, config.topics().prefix());
            KafkaOverview.Sample first = overview.sample();
            Thread.sleep(gap.toMillis());
            KafkaOverview.Sample second = overview.sample();
            Map<String, Double> rates = second.ratesSince(first);
            out.printf("%-36s %10s %12s %10s%n", "TOPIC", "PARTITIONS", "END-OFFSETS", "RECORDS/S");
            second.partitions().forEach((name, partitions) -> out.printf(Locale.ROOT, "%-36s %10d %12d %10.1f%n",
                    name, partitions, second.endOffset(name), rates.getOrDefault(name, 0.0)));
            List<KafkaOverview.GroupLag> lag = overview.lag(second);
            out.println();
            if (lag.isEmpty()) {
                out.println("no consumer group has committed offsets on these topics");
            } else {
                out.printf("%-32s %-9s %-36s %12s %12s %8s%n", "GROUP", "TYPE", "TOPIC", "COMMITTED", "END-OFFSETS", "LAG");
                for (KafkaOverview.GroupLag g : lag) {
                    out.printf("%-32s %-9s %-36s %12d %12d %8d%n", g.group(), g.type(), g.topic(), g.committed(), g.end(),
                            g.lag());
                }
            }
            out.flush();
        }
        return 0;
    }
}
