package dev.khabar.console;

import dev.khabar.console.bench.BenchCommand;
import dev.khabar.console.command.BrokerCommand;
import dev.khabar.console.command.ClassifyCommand;
import dev.khabar.console.command.DashboardCommand;
import dev.khabar.console.command.DemoCommand;
import dev.khabar.console.command.DlqCommand;
import dev.khabar.console.command.ExtractCommand;
import dev.khabar.console.command.IngestCommand;
import dev.khabar.console.command.ProcessCommand;
import dev.khabar.console.command.RunCommand;
import dev.khabar.console.command.SiteCommand;
import dev.khabar.console.command.StatesCommand;
import dev.khabar.console.command.TopicsCommand;
import dev.khabar.console.command.WatchCommand;
import dev.khabar.console.config.InvalidConfigException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code khabar} command: the operator's entry point to every part of the pipeline. */
@Command(name = "khabar", mixinStandardHelpOptions = true, version = "khabar 0.1.0",
        description = "Streaming news ingestion: scrape, publish to Kafka, classify and enrich.",
        subcommands = {DemoCommand.class, RunCommand.class, BrokerCommand.class, IngestCommand.class,
                ProcessCommand.class, SiteCommand.class, ExtractCommand.class, ClassifyCommand.class, WatchCommand.class,
                TopicsCommand.class, DlqCommand.class, StatesCommand.class, DashboardCommand.class, BenchCommand.class})
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
        return commandLine().execute(args);
    }

    /**
     * The command line as {@code main} runs it: UTF-8 output, exit code 2 for invalid configuration
     * or arguments and 1 for other failures. Tests may swap its output and error writers.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KhabarCommand());
        // commands that print through picocli write UTF-8 (Hindi titles), whatever the platform default
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidConfigException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("khabar: " + e.getMessage());
                return 2;
            }
            commandLine.getErr().println("khabar: " + e);
            e.printStackTrace(commandLine.getErr());
            return 1;
        });
        return cli;
    }
}
