package dev.khabar.processor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.processor.classify.TopicClassifier;
import dev.khabar.processor.clean.TextCleaner;
import dev.khabar.processor.enrich.ArticleEnricher;
import dev.khabar.processor.error.ProcessorMetrics;
import dev.khabar.processor.pipeline.ArticlePipeline;
import dev.khabar.processor.topology.NewsTopology;
import dev.khabar.processor.topology.ProcessorConfig;
import dev.khabar.processor.topology.StreamsSettings;
import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Poison records on {@code news.raw}, one per row, through the production topology: each must
 * become exactly one dead letter naming its stage, its reason and its input position, and the
 * very next good record must come out enriched — the stream never stops and never loops.
 */
class PoisonRecordsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-21T08:00:00Z"), ZoneOffset.UTC);
    private static final Topics TOPICS = Topics.defaults();
    private static final AvroSerde<RawArticle> RAW = AvroSerde.of(RawArticle.class);

    /** A poison value, and the words its dead letter's message must carry. */
    record Poison(String name, byte[] value, String stage, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> dlq;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        ProcessorConfig config = ProcessorConfig.defaults();
        ArticlePipeline pipeline = new ArticlePipeline(TextCleaner.defaults(), () -> new TopicClassifier(Taxonomy.defaults()),
                ArticleEnricher.defaults(), CLOCK);
        Properties props = StreamsSettings.properties("unused:9092", config, stateDir.toString(), Map.of());
        driver = new TopologyTestDriver(NewsTopology.build(config, pipeline, new ProcessorMetrics(meters), CLOCK), props);
        raw = driver.createInputTopic(TOPICS.raw(), new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(TOPICS.enriched(), new StringDeserializer(), AvroSerde.of(EnrichedArticle.class));
        dlq = driver.createOutputTopic(TOPICS.dlq(), new StringDeserializer(), AvroSerde.of(DeadLetter.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static List<Poison> poisons() {
        byte[] good = RAW.encode(article("https://x.example/template", "Template", "A template article with a body."));
        byte[] header = Arrays.copyOf(good, 10);
        List<Poison> p = new ArrayList<>();
        p.add(new Poison("HTML instead of Avro", ascii("<html><body>not avro</body></html>"), "deserialize", "single-object"));
        p.add(new Poison("JSON instead of Avro", ascii("{\"id\":\"x\",\"title\":\"json\"}"), "deserialize", "single-object"));
        p.add(new Poison("an empty value (0 bytes)", new byte[0], "deserialize", "single-object"));
        p.add(new Poison("the marker and nothing else", new byte[] {(byte) 0xC3, 0x01}, "deserialize", "single-object"));
        p.add(new Poison("random bytes behind a valid marker", concat(new byte[] {(byte) 0xC3, 0x01}, random(4096, 1)),
                "deserialize", "fingerprint"));
        p.add(new Poison("an unknown fingerprint", concat(new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8}, ascii("xyz")),
                "deserialize", "fingerprint"));
        p.add(new Poison("a valid header and no body", header, "deserialize", "RawArticle"));
        p.add(new Poison("truncated after 20 bytes", Arrays.copyOf(good, 20), "deserialize", "RawArticle"));
        p.add(new Poison("truncated one byte short", Arrays.copyOf(good, good.length - 1), "deserialize", "RawArticle"));
        p.add(new Poison("a string claiming 2 GB", concat(header, new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}),
                "deserialize", "RawArticle"));
        p.add(new Poison("a string with a negative length", concat(header, new byte[] {0x03}), "deserialize", "RawArticle"));
        p.add(new Poison("an array claiming a billion authors", hugeAuthorsArray(), "deserialize", "RawArticle"));
        p.add(new Poison("a different record type (a DeadLetter) on news.raw", AvroSerde.of(DeadLetter.class).encode(
                DeadLetter.newBuilder().setStage("s").setErrorClass("e").setMessage("m").setFailedAt(Instant.EPOCH).build()),
                "deserialize", "RawArticle"));
        p.add(new Poison("invalid UTF-8 inside a string", invalidUtf8Title(good), "deserialize", ""));
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poisons")
    void aPoisonRecordBecomesOneDeadLetterAndTheNextArticleIsEnriched(Poison poison) {
        RawArticle next = article("https://x.example/after", "After the poison", "Light rain is expected in the city tomorrow.");

        raw.pipeInput("poison", poison.value());
        raw.pipeInput(next.getId(), RAW.encode(next));

        if (poison.reason().isEmpty()) {
            // lenient Avro decoding of a bad UTF-8 string: the record is processed, with replacement characters
            assertThat(dlq.isEmpty()).as("no dead letter for " + poison.name()).isTrue();
            assertThat(enriched.readValuesToList()).hasSize(2);
            return;
        }
        List<DeadLetter> letters = dlq.readValuesToList();
        assertThat(letters).hasSize(1);
        DeadLetter d = letters.get(0);
        assertThat(d.getStage()).isEqualTo(poison.stage());
        assertThat(d.getMessage()).contains(poison.reason());
        assertThat(d.getInputTopic()).isEqualTo(TOPICS.raw());
        assertThat(d.getInputOffset()).isEqualTo(0L);
        assertThat(d.getKey().array()).isEqualTo(ascii("poison"));
        assertThat(d.getOriginalValue().array()).isEqualTo(poison.value());
        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly(next.getId());
        assertThat(meters.find("khabar.processor.dlq").tag("stage", poison.stage()).counter().count()).isEqualTo(1.0);
    }

    @org.junit.jupiter.api.Test
    void anArticleTooLargeForTheArticleTopicsIsOnlyADeadLetterAtStageSerialize() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(5);
        while (text.length() < 1_200_000) {
            text.append("word").append(random.nextInt(1_000_000)).append(text.length() % 90 == 0 ? ".\n" : " ");
        }
        RawArticle big = article("https://x.example/big", "A very long page", text.toString());
        var clean = driver.createOutputTopic(TOPICS.clean(), new StringDeserializer(), AvroSerde.of(EnrichedArticle.class));

        raw.pipeInput(big.getId(), RAW.encode(big));

        DeadLetter d = dlq.readValue();
        assertThat(d.getStage()).isEqualTo("serialize");
        assertThat(d.getErrorClass()).isEqualTo(org.apache.kafka.common.errors.RecordTooLargeException.class.getName());
        assertThat(d.getMessage()).contains("enriched article of", "1000000-byte limit");
        assertThat(d.getUrl()).isEqualTo(big.getUrl());
        assertThat(enriched.isEmpty()).as("nothing of it on news.enriched").isTrue();
        assertThat(clean.isEmpty()).as("nothing of it on news.clean").isTrue();
    }

    static RawArticle article(String url, String title, String text) {
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url).setSourceId("test")
                .setFetchedAt(Instant.parse("2024-06-21T07:00:00Z")).setHttpStatus(200)
                .setTitle(title).setText(text).setExtractorVersion("test").build();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A valid record whose empty authors array (one 0x00 after the title) now claims 2^30 - 1 items. */
    private static byte[] hugeAuthorsArray() {
        String title = "TITLE-MARKER";
        byte[] good = RAW.encode(article("https://x.example/authors", title, "body"));
        int at = indexOf(good, ascii(title)) + title.length();
        assertThat(good[at]).as("the empty authors array follows the title").isZero();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(good, 0, at);
        out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}); // zig-zag 2^30 - 1
        out.write(good, at + 1, good.length - at - 1);
        return out.toByteArray();
    }

    /** The template with its title's first byte replaced by 0xFF (never valid in UTF-8). */
    private static byte[] invalidUtf8Title(byte[] good) {
        byte[] b = good.clone();
        b[indexOf(b, ascii("Template"))] = (byte) 0xFF;
        return b;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
