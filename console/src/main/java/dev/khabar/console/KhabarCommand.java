package dev.khabar.console;

import dev.khabar.console.bench.BenchCommand;
import dev.khabar.console.command.BrokerCommand;
import dev.khabar.console.command.ClassifyCommand;
import dev.khabar.console.command.DemoCommand;
import dev.khabar.console.command.ExtractCommand;
import dev.khabar.console.command.IngestCommand;
import dev.khabar.console.command.ProcessCommand;
import dev.khabar.console.command.RunCommand;
import dev.khabar.console.command.SiteCommand;
import dev.khabar.console.command.TopicsCommand;
import dev.khabar.console.command.WatchCommand;
import dev.khabar.console.config.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code khabar} command: the operator's entry point to every part of the pipeline. */
@Command(name = "khabar", mixinStandardHelpOptions = true, version = "khabar 0.1.0",
        description = "Streaming news ingestion: scrape, publish to Kafka, classify and enrich.",
        subcommands = {DemoCommand.class, RunCommand.class, BrokerCommand.class, IngestCommand.class,
                ProcessCommand.class, SiteCommand.class, ExtractCommand.class, ClassifyCommand.class, WatchCommand.class,
                TopicsCommand.class, BenchCommand.class})
public final class KhabarCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new KhabarCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidConfigException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("khabar: " + e.getMessage());
                return 2;
            }
            commandLine.getErr().println("khabar: " + e);
            e.printStackTrace(commandLine.getErr());
            return 1;
        });
        return cli.execute(args);
    }
}
