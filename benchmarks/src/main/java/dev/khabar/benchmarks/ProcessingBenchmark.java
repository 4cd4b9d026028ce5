package dev.khabar.benchmarks;

import dev.khabar.processor.classify.Classification;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.processor.classify.TopicClassifier;
import dev.khabar.processor.clean.TextCleaner;
import dev.khabar.processor.enrich.ArticleEnricher;
import dev.khabar.processor.enrich.Enrichment;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Articles per second, one thread, for the processor's plain-code stages: clean + enrich +
 * classify as {@code ArticlePipeline} runs them, beside a floor that only NFC-normalises the text
 * and counts its words (the least any stage must do). Articles are 5 KB of UTF-8.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class ProcessingBenchmark {

    private static final String[] HINDI = {
        "रूस और उत्तर कोरिया ने प्योंगयांग में एक रक्षा समझौते पर हस्ताक्षर किए।",
        "राष्ट्रपति पुतिन ने कहा कि दोनों देशों के संबंध नए स्तर पर पहुंचे हैं।",
        "विदेश मंत्रालय के प्रवक्ता ने वार्ता को रचनात्मक बताया।",
        "मानसून इस साल समय से पहले केरल पहुंचा और कई राज्यों में भारी बारिश हुई।",
        "सेंसेक्स आज पहली बार अस्सी हज़ार के पार बंद हुआ।",
        "पुतिन 20 जून को हनोई पहुंचे जहां उनका स्वागत उप प्रधानमंत्री ने किया।",
        "सेना की तैनाती और मिसाइल परीक्षण पर पड़ोसी देशों ने चिंता जताई।",
        "शहर के बाज़ारों में त्योहार से पहले रौनक लौट आई है।"};
    private static final String[] ENGLISH = {
        "Russia and North Korea signed a mutual defence treaty in Pyongyang on Wednesday.",
        "The foreign ministry described the talks as constructive and forward-looking.",
        "President Putin arrived in Hanoi for a state visit and met Vietnam's leaders on June 20.",
        "The monsoon reached the coast a week early, bringing heavy rain to several states.",
        "Shares rose sharply as investors welcomed the central bank's decision on rates.",
        "The home side held on for a narrow win after a tense final quarter.",
        "Military analysts warned that the pact could change the regional balance.",
        "The city council approved a new budget for schools and public transport."};

    /** hi, en, or mixed (alternating). */
    @Param({"mixed"})
    public String language;

    private final TextCleaner cleaner = TextCleaner.defaults();
    private final TopicClassifier classifier = new TopicClassifier(Taxonomy.defaults());
    private final ArticleEnricher enricher = ArticleEnricher.defaults();
    private final Instant published = Instant.parse("2024-06-21T04:45:00Z");
    private List<String[]> articles;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        articles = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            boolean hindi = language.equals("hi") || (language.equals("mixed") && i % 2 == 0);
            articles.add(article(hindi ? HINDI : ENGLISH, i));
        }
    }

    /** title, 5 KB (UTF-8) body. */
    private static String[] article(String[] pool, int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        int n = 0;
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < 5000) {
            text.append(pool[rnd.nextInt(pool.length)]).append(++n % 4 == 0 ? "\n" : " ");
        }
        return new String[] {pool[rnd.nextInt(pool.length)], text.toString().strip()};
    }

    private String[] nextArticle() {
        String[] a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return a;
    }

    @Benchmark
    public void floorNormalizeAndCountWords(Blackhole bh) {
        String[] a = nextArticle();
        String text = Normalizer.normalize(a[1], Normalizer.Form.NFC);
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        bh.consume(words);
    }

    @Benchmark
    public void cleanEnrichClassify(Blackhole bh) {
        String[] a = nextArticle();
        String title = cleaner.clean(a[0]);
        String text = cleaner.clean(a[1]);
        Enrichment e = enricher.enrich(title, text, published, null);
        Classification c = classifier.classify(title, text, e.language());
        bh.consume(e);
        bh.consume(c);
    }
}
