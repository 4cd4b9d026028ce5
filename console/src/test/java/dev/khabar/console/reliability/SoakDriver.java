package dev.khabar.console.reliability;

import dev.khabar.console.runtime.TopicSetup;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.schemas.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The soak behind {@code scripts/soak.sh}: steady load through the whole pipeline for a number of
 * minutes. An embedded broker and a local news site that publishes {@code rate} new articles a
 * second run here; ingest and the processor run as child JVMs, exactly as {@code khabar ingest}
 * and {@code khabar process}. Every sample records each child's live heap (after a forced GC) and
 * both consumer lags; the summary compares the first and the last third of the run.
 *
 * <pre>java -cp ... dev.khabar.console.reliability.SoakDriver MINUTES RATE OUT_DIR</pre>
 *
 * <p>Ingest serves one host from one partition, one URL per transaction; on a shared 2-core machine
 * that is about 20 URLs a second, so RATE 10 (about 20 URLs a second with the re-checks) is its limit.
 */
public final class SoakDriver {

    private static final Topics TOPICS = new Topics("soak.");
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);

    /** One sample: seconds since start, live heaps (MB), lags (records), counts. */
    record Sample(long second, double processorHeapMb, double ingestHeapMb, long processorLag, long frontierLag,
                  long published, long enriched, long deadLetters, int pageRequests) {
        String csv() {
            return String.format("%d,%.1f,%.1f,%d,%d,%d,%d,%d,%d", second, processorHeapMb, ingestHeapMb, processorLag,
                    frontierLag, published, enriched, deadLetters, pageRequests);
        }
    }

    private SoakDriver() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path out = Path.of(args.length > 2 ? args[2] : "target/soak");
        Files.createDirectories(out);
        // Ctrl-C must not leave the ingest and processor JVMs running
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "soak-children"));
        try (PrintStream csv = new PrintStream(Files.newOutputStream(out.resolve("samples.csv")), true, StandardCharsets.UTF_8)) {
            csv.println("second,processor_heap_mb,ingest_heap_mb,processor_lag,frontier_lag,published,enriched,dead_letters,page_requests");
            List<Sample> samples = run(minutes, rate, out, csv);
            String summary = summary(minutes, rate, samples);
            Files.writeString(out.resolve("summary.txt"), summary);
            System.out.print(summary);
        }
    }

    private static List<Sample> run(int minutes, int rate, Path out, PrintStream csv) throws Exception {
        List<Sample> samples = new ArrayList<>();
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(out.resolve("kafka")).build().start();
             NewsSite site = new NewsSite(0, 20 * rate);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, TOPICS, Taxonomy.defaults().categoryIds(), 3, (short) 1);
            try (TopicTally raw = new TopicTally(kafka.bootstrapServers(), TOPICS.raw());
                 TopicTally enriched = new TopicTally(kafka.bootstrapServers(), TOPICS.enriched());
                 TopicTally dlq = new TopicTally(kafka.bootstrapServers(), TOPICS.dlq())) {
                samples.addAll(load(minutes, rate, out, csv, kafka, site, admin, new TopicTally[] {raw, enriched, dlq}));
                Thread.sleep(2000); // drained: anything still to arrive would be a duplicate
                if (!raw.duplicates().isEmpty() || !enriched.duplicates().isEmpty()) {
                    throw new IllegalStateException("duplicates: raw " + raw.duplicates() + ", enriched " + enriched.duplicates());
                }
                System.out.printf("[soak] the site published %d articles%n", site.published());
                if (raw.distinct() != site.published()) {
                    throw new IllegalStateException("the site published " + site.published() + " articles, ingest "
                            + raw.distinct());
                }
                if (raw.distinct() != enriched.distinct() + dlq.distinct()) {
                    throw new IllegalStateException("published " + raw.distinct() + " but enriched " + enriched.distinct()
                            + " and dead-lettered " + dlq.distinct());
                }
            }
        }
        return samples;
    }

    private static List<Sample> load(int minutes, int rate, Path out, PrintStream csv, EmbeddedKafkaBroker kafka,
                                     NewsSite site, Admin admin, TopicTally[] tallies) throws Exception {
        List<Sample> samples = new ArrayList<>();
        Path sources = out.resolve("sources.yaml");
        // polled every 10 s, the feed's newest 20 s of articles: each new one is listed by two polls, and
        // the older ones are re-checked (unchanged) — steady fetch load of about 2 x RATE URLs a second
        Files.writeString(sources, "sources:\n  - id: soak-site\n    type: rss\n    url: " + site.feed()
                + "\n    poll-interval: 10s\n    allow-private: true\n    max-articles: " + 20 * rate + "\n");
        Map<String, String> env = Map.of("KHABAR_TOPICS_PREFIX", TOPICS.prefix(), "KHABAR_KAFKA_PARTITIONS", "3",
                "KHABAR_PROCESSOR_APPLICATION_ID", "soak-processor",
                "KHABAR_PROCESSOR_STATE_DIR", out.resolve("state").toString(),
                "KHABAR_INGEST_GROUP_ID", "soak-ingest", "KHABAR_INGEST_INSTANCE_ID", "soak-1",
                "KHABAR_INGEST_PER_HOST_DELAY", "0ms", "KHABAR_CONSOLE_DASHBOARD_PORT", "-1");
        String bootstrap = kafka.bootstrapServers();
        long start = System.nanoTime();
        long end = start + TimeUnit.MINUTES.toNanos(minutes);
        List<String> processArgs = new ArrayList<>(List.of("process", "--bootstrap", bootstrap));
        // e.g. SOAK_PROCESSOR_PROPERTIES="statestore.cache.max.bytes=0" to rule the record caches in or out
        for (String property : System.getenv().getOrDefault("SOAK_PROCESSOR_PROPERTIES", "").split(",")) {
            if (!property.isBlank()) {
                processArgs.addAll(List.of("--kafka-property", property.strip()));
            }
        }
        try (ChildJvm processor = ChildJvm.start(out.resolve("processor.log"), env, processArgs.toArray(String[]::new));
             ChildJvm ingest = ChildJvm.start(out.resolve("ingest.log"), env, "ingest", "--bootstrap", bootstrap,
                     "--sources", sources.toString())) {
            long nextSample = start + SAMPLE_EVERY.toNanos();
            while (System.nanoTime() < end) {
                long elapsed = System.nanoTime() - start;
                site.publish((int) (elapsed * rate / 1_000_000_000L));
                if (System.nanoTime() >= nextSample) {
                    Sample s = sample(admin, processor, ingest, site, tallies, (System.nanoTime() - start) / 1_000_000_000L);
                    samples.add(s);
                    csv.println(s.csv());
                    System.out.println("[soak] " + s);
                    nextSample += SAMPLE_EVERY.toNanos();
                }
                if (!processor.isAlive() || !ingest.isAlive()) {
                    throw new IllegalStateException("a child died; processor:\n" + processor.tail(30) + "\ningest:\n"
                            + ingest.tail(30));
                }
                Thread.sleep(200);
            }
            // load stops: one more poll lists the last articles, then the feed goes empty and both lags
            // must drain to zero, with every article the site published published and enriched once
            Thread.sleep(12_000);
            site.feedWindow(0);
            long drainDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            Sample last;
            do {
                Thread.sleep(2000);
                last = sample(admin, processor, ingest, site, tallies, (System.nanoTime() - start) / 1_000_000_000L);
            } while ((last.processorLag() > 0 || last.frontierLag() > 0 || last.enriched() < site.published())
                    && System.nanoTime() < drainDeadline);
            samples.add(last);
            csv.println(last.csv());
            System.out.println("[soak] drained: " + last);
            processor.stop();
            ingest.stop();
        }
        return samples;
    }

    private static Sample sample(Admin admin, ChildJvm processor, ChildJvm ingest, NewsSite site, TopicTally[] tallies,
                                 long second) throws InterruptedException {
        return new Sample(second, liveHeapMb(processor.pid()), liveHeapMb(ingest.pid()),
                ConsumerLag.of(admin, "soak-processor", TOPICS.raw()), ConsumerLag.of(admin, "soak-ingest", TOPICS.frontier()),
                tallies[0].distinct(), tallies[1].distinct(), tallies[2].distinct(), site.articleRequests());
    }

    /** Heap in use right after a full GC of the child: what it really keeps. */
    static double liveHeapMb(long pid) {
        try {
            run("jcmd", String.valueOf(pid), "GC.run");
            List<String> lines = run("jstat", "-gc", String.valueOf(pid));
            String[] head = lines.get(0).trim().split("\\s+");
            String[] vals = lines.get(1).trim().split("\\s+");
            ToLongFunction<String> col = name -> {
                for (int i = 0; i < head.length; i++) {
                    if (head[i].equals(name)) {
                        return (long) Double.parseDouble(vals[i]);
                    }
                }
                return 0;
            };
            long kb = col.applyAsLong("S0U") + col.applyAsLong("S1U") + col.applyAsLong("EU") + col.applyAsLong("OU");
            return kb / 1024.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<String> run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            p.waitFor(30, TimeUnit.SECONDS);
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static String summary(int minutes, int rate, List<Sample> samples) {
        List<Sample> load = samples.subList(0, Math.max(1, samples.size() - 1));
        int third = Math.max(1, load.size() / 3);
        List<Sample> first = load.subList(0, third);
        List<Sample> last = load.subList(load.size() - third, load.size());
        Sample end = samples.get(samples.size() - 1);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("soak %s: %d min at %d new articles/s, %d samples%n", Instant.now(), minutes, rate, samples.size()));
        sb.append(String.format("published %d, enriched %d (topic records, committed), dead letters %d, page requests %d%n",
                end.published(), end.enriched(), end.deadLetters(), end.pageRequests()));
        sb.append(String.format("processor live heap MB: first third avg %.1f, last third avg %.1f, max %.1f%n",
                avg(first, Sample::processorHeapMb), avg(last, Sample::processorHeapMb), max(load, Sample::processorHeapMb)));
        sb.append(String.format("ingest live heap MB:    first third avg %.1f, last third avg %.1f, max %.1f%n",
                avg(first, Sample::ingestHeapMb), avg(last, Sample::ingestHeapMb), max(load, Sample::ingestHeapMb)));
        sb.append(String.format("processor lag (records): max %d under load, last-third avg %.1f, after drain %d%n",
                load.stream().mapToLong(Sample::processorLag).max().orElse(0), avg(last, s -> s.processorLag()),
                end.processorLag()));
        sb.append(String.format("frontier lag (records):  max %d under load, last-third avg %.1f, after drain %d%n",
                load.stream().mapToLong(Sample::frontierLag).max().orElse(0), avg(last, s -> s.frontierLag()),
                end.frontierLag()));
        return sb.toString();
    }

    private static double avg(List<Sample> s, java.util.function.ToDoubleFunction<Sample> f) {
        return s.stream().mapToDouble(f).average().orElse(0);
    }

    private static double max(List<Sample> s, java.util.function.ToDoubleFunction<Sample> f) {
        return s.stream().mapToDouble(f).max().orElse(0);
    }
}
