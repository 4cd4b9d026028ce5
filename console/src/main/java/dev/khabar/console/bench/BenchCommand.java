package dev.khabar.console.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Pipeline benchmarks on an embedded broker, each with its baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: processor (vs a pass-through topology), ingest (vs raw HTTP fetch), e2e (latency at a rate).")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WHAT", description = "processor | ingest | e2e")
    String what;

    @Option(names = "--articles", defaultValue = "20000", description = "processor: articles (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--warm-up", defaultValue = "20000",
            description = "processor: articles each contender runs over in each warm-up round (default ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--size", defaultValue = "5000", description = "bytes of text (UTF-8) per article (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--partitions", defaultValue = "2", description = "partitions of the raw topic (default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--pages", defaultValue = "4000", description = "ingest: pages (default ${DEFAULT-VALUE})")
    int pages;

    @Option(names = "--hosts", defaultValue = "16",
            description = "ingest: loopback hosts serving the pages (default ${DEFAULT-VALUE}); ingest fetches one page per host at a time")
    int hosts;

    @Option(names = "--threads", defaultValue = "4",
            description = "ingest: fetch threads, for the raw fetch and for ingest alike (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--warm-up-rounds", defaultValue = "-1",
            description = "full runs of each contender (processor and pass-through; ingest and raw fetch) run and discarded "
                    + "before the measured one (default: 3 for processor, where the compiler needs about three rounds "
                    + "of 20,000 articles to settle; 2 for ingest)")
    int warmUpRounds;

    @Option(names = "--server-latency-ms", defaultValue = "0",
            description = "ingest: how long the local servers take to answer a page, as remote sites would (default ${DEFAULT-VALUE})")
    int serverLatencyMillis;

    @Option(names = "--paragraphs", defaultValue = "14",
            description = "ingest: paragraphs of article text on each page (default ${DEFAULT-VALUE}: a ~5 KB page; 2 makes "
                    + "a small one of ~1.6 KB)")
    int paragraphs;

    @Option(names = "--rate", defaultValue = "500", description = "e2e: articles per second offered (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "e2e: how long (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "processor: run against this broker (e.g. `khabar broker` in another JVM) instead of one "
                    + "embedded in the bench's own JVM")
    String bootstrap;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "processor: a Kafka Streams property for both contenders (e.g. num.stream.threads=2); "
                    + "ingest: a Kafka client property for ingest's clients (e.g. compression.type=lz4); repeatable")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        switch (what) {
            case "processor" -> ProcessorBenchmark.run(articles, warmUp, warmUpRounds < 0 ? 3 : warmUpRounds, size, partitions, kafkaProperties, bootstrap,
                    System.out);
            case "ingest" -> IngestBenchmark.run(pages, hosts, threads, serverLatencyMillis, paragraphs, warmUpRounds < 0 ? 2 : warmUpRounds, kafkaProperties,
                    System.out);
            case "e2e" -> EndToEndBenchmark.run(rate, seconds, size, partitions, System.out);
            default -> throw new IllegalArgumentException("bench what? processor, ingest or e2e, not '" + what + "'");
        }
        return 0;
    }
}
