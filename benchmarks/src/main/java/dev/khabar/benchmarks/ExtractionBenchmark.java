package dev.khabar.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.khabar.ingest.extract.ArticleExtractor;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pages per second on the same saved pages: Jsoup's parse alone (the floor), Khabar's
 * {@link ArticleExtractor} (parse + extract) and readability4j (which parses with Jsoup too).
 * Each invocation handles the next page, round robin, so the score is pages/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class ExtractionBenchmark {
    private static final String URL = "https://example.invalid/page";
    private static final URI PAGE_URI = URI.create(URL);

    /** Directory of saved pages, relative to the working directory or absolute. */
    @Param(SavedPages.DEFAULT_DIR)
    public String pages;

    private List<String> html;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private int next;

    @Setup(Level.Trial)
    public void load() {
        html = SavedPages.load(Path.of(pages));
    }

    private String nextPage() {
        String page = html.get(next);
        next = next + 1 == html.size() ? 0 : next + 1;
        return page;
    }

    @Benchmark
    public Document jsoupParse() {
        return Jsoup.parse(nextPage(), URL);
    }

    @Benchmark
    public String khabarExtract() {
        return extractor.extract(Jsoup.parse(nextPage(), URL), PAGE_URI).text();
    }

    @Benchmark
    public String readability4j() {
        String text = new Readability4J(URL, nextPage()).parse().getTextContent();
        return text == null ? "" : text;
    }
}
