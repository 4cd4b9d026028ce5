package dev.khabar.benchmarks.language;

import static com.github.pemistahl.lingua.api.Language.BULGARIAN;
import static com.github.pemistahl.lingua.api.Language.DUTCH;
import static com.github.pemistahl.lingua.api.Language.ENGLISH;
import static com.github.pemistahl.lingua.api.Language.FRENCH;
import static com.github.pemistahl.lingua.api.Language.GERMAN;
import static com.github.pemistahl.lingua.api.Language.HINDI;
import static com.github.pemistahl.lingua.api.Language.INDONESIAN;
import static com.github.pemistahl.lingua.api.Language.ITALIAN;
import static com.github.pemistahl.lingua.api.Language.MARATHI;
import static com.github.pemistahl.lingua.api.Language.PORTUGUESE;
import static com.github.pemistahl.lingua.api.Language.RUSSIAN;
import static com.github.pemistahl.lingua.api.Language.SPANISH;
import static com.github.pemistahl.lingua.api.Language.UKRAINIAN;
import static com.github.pemistahl.lingua.api.Language.VIETNAMESE;

import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Microseconds per detection of one article's language: the processor's detector (script, then
 * function words, on the first 2,000 characters) beside Lingua (the languages the processor
 * tells apart) and optimaize (its built-in profiles), each given the same text. Why the processor
 * keeps its own: see the README's dependency section and BENCHMARKS.md. Not part of the build (see this
 * directory's pom.xml).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class LanguageDetectionBenchmark {

    private static final String[] ENGLISH_SENTENCES = {
        "Russia and North Korea signed a mutual defence treaty in Pyongyang on Wednesday.",
        "The foreign ministry described the talks as constructive and forward-looking.",
        "President Putin arrived in Hanoi for a state visit and met Vietnam's leaders on June 20.",
        "The monsoon reached the coast a week early, bringing heavy rain to several states."};

    /** Characters of English text handed to each detector. */
    @Param({"300", "5000"})
    public int chars;

    private String text;
    private dev.khabar.processor.enrich.LanguageDetector khabar;
    private com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private LanguageDetector optimaize;
    private TextObjectFactory optimaizeText;

    @Setup
    public void setUp() throws IOException {
        StringBuilder sb = new StringBuilder();
        SplittableRandom rnd = new SplittableRandom(1);
        while (sb.length() < chars) {
            sb.append(ENGLISH_SENTENCES[rnd.nextInt(ENGLISH_SENTENCES.length)]).append(' ');
        }
        text = sb.substring(0, chars);
        khabar = dev.khabar.processor.enrich.LanguageDetector.defaults();
        lingua = LanguageDetectorBuilder.fromLanguages(ENGLISH, FRENCH, GERMAN, SPANISH, PORTUGUESE, ITALIAN, DUTCH,
                INDONESIAN, VIETNAMESE, RUSSIAN, UKRAINIAN, BULGARIAN, HINDI, MARATHI).build();
        optimaize = com.optimaize.langdetect.LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
        optimaizeText = CommonTextObjectFactories.forDetectingOnLargeText();
    }

    @Benchmark
    public Object khabar() {
        return khabar.detect(text, null);
    }

    @Benchmark
    public Object lingua() {
        return lingua.detectLanguageOf(text);
    }

    @Benchmark
    public Object optimaize() {
        return optimaize.detect(optimaizeText.forText(text));
    }
}
