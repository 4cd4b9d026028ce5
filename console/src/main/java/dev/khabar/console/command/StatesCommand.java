package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.KafkaEndpoint;
import dev.khabar.ingest.frontier.StateRehoming;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Operator tasks on ingest's URL states ({@code news.ingest-state}). */
@Command(name = "states", mixinStandardHelpOptions = true,
        description = "Operator tasks on ingest's URL states (news.ingest-state).",
        subcommands = {StatesCommand.Rehome.class})
public final class StatesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "rehome", mixinStandardHelpOptions = true,
            description = {"Move every URL state to the partition of its site, with every ingest instance stopped.",
                    "Run it once after upgrading from an ingest that partitioned states by URL, or after giving",
                    "news.frontier and news.ingest-state more partitions; until then those URLs are fetched again.",
                    "Refuses while the ingest group has members. Holds the whole state topic in memory."})
    static final class Rehome implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            KhabarConfig config = CommonOptions.requireCluster(common.load(), "states rehome");
            PrintWriter out = spec.commandLine().getOut();
            try (KafkaEndpoint kafka = KafkaEndpoint.open(config)) {
                StateRehoming.Result r = StateRehoming.run(kafka.bootstrap(), kafka.clientProperties(), config.topics(),
                        config.ingest().groupId());
                out.printf("%,d URLs: %,d states moved to their site's partition, %,d copies elsewhere removed%n",
                        r.urls(), r.moved(), r.tombstones());
            }
            return 0;
        }
    }
}
