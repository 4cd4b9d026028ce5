package dev.khabar.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.khabar.ingest.extract.ArticleExtractor;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

/**
 * A companion to {@link ExtractionBenchmark} for shared, noisy machines: the three contenders run
 * on each page in turn, so a burst of load from elsewhere hits all of them alike and the ratios
 * stay meaningful even when the absolute pages/s do not. The first two rounds warm up.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.khabar.benchmarks.InterleavedComparison [DIR] [ROUNDS]}
 */
public final class InterleavedComparison {
    private static final String URL = "https://example.invalid/page";
    private static final int WARMUP_ROUNDS = 2;

    private InterleavedComparison() {
    }

    public static void main(String[] args) {
        List<String> pages = SavedPages.load(Path.of(args.length > 0 ? args[0] : SavedPages.DEFAULT_DIR));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ArticleExtractor extractor = new ArticleExtractor();
        URI uri = URI.create(URL);
        long parseNanos = 0;
        long khabarNanos = 0;
        long readabilityNanos = 0;
        long sink = 0;
        for (int round = 0; round < rounds + WARMUP_ROUNDS; round++) {
            boolean measured = round >= WARMUP_ROUNDS;
            for (String html : pages) {
                long t0 = System.nanoTime();
                sink += Jsoup.parse(html, URL).childNodeSize();
                long t1 = System.nanoTime();
                sink += extractor.extract(Jsoup.parse(html, URL), uri).text().length();
                long t2 = System.nanoTime();
                String text = new Readability4J(URL, html).parse().getTextContent();
                sink += text == null ? 0 : text.length();
                long t3 = System.nanoTime();
                if (measured) {
                    parseNanos += t1 - t0;
                    khabarNanos += t2 - t1;
                    readabilityNanos += t3 - t2;
                }
            }
        }
        double n = (double) pages.size() * rounds;
        System.out.printf(Locale.ROOT, "%d pages x %d rounds (checksum %d)%n", pages.size(), rounds, sink);
        System.out.printf(Locale.ROOT, "pages/s  jsoupParse %.1f  khabarExtract %.1f  readability4j %.1f%n",
                n / (parseNanos / 1e9), n / (khabarNanos / 1e9), n / (readabilityNanos / 1e9));
        System.out.printf(Locale.ROOT, "khabar / readability4j  = %.2fx%n", (double) readabilityNanos / khabarNanos);
        System.out.printf(Locale.ROOT, "khabar / jsoup parse    = %.2f%n", (double) parseNanos / khabarNanos);
    }
}
