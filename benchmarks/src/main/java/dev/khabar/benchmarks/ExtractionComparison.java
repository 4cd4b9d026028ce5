package dev.khabar.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ExtractionBenchmark} and prints pages/s of each contender and the ratios that
 * matter: Khabar vs readability4j, and Khabar vs parsing alone. Accepts the usual JMH options,
 * e.g. {@code java -jar benchmarks/target/benchmarks.jar -p pages=/path/to/pages -f 1}.
 */
public final class ExtractionComparison {
    private ExtractionComparison() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options cli = new CommandLineOptions(args);
        Options options = new OptionsBuilder()
                .parent(cli)
                .include(ExtractionBenchmark.class.getSimpleName())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> pagesPerSecond = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            pagesPerSecond.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("pages/s");
        pagesPerSecond.forEach((name, score) -> System.out.printf(Locale.ROOT, "  %-15s %10.1f%n", name, score));
        Double parse = pagesPerSecond.get("jsoupParse");
        Double khabar = pagesPerSecond.get("khabarExtract");
        Double readability = pagesPerSecond.get("readability4j");
        if (khabar != null && readability != null) {
            System.out.printf(Locale.ROOT, "khabar / readability4j  = %.2fx%n", khabar / readability);
        }
        if (khabar != null && parse != null) {
            System.out.printf(Locale.ROOT, "khabar / jsoup parse    = %.2f (1.0 = extraction costs nothing beyond parsing)%n",
                    khabar / parse);
        }
    }
}
