package dev.khabar.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.processor.classify.TopicClassifier;
import dev.khabar.processor.clean.TextCleaner;
import dev.khabar.processor.enrich.ArticleEnricher;
import dev.khabar.processor.error.ProcessorMetrics;
import dev.khabar.processor.pipeline.ArticlePipeline;
import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production topology and config factory, driven record by record. */
class NewsTopologyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-21T08:00:00Z"), ZoneOffset.UTC);
    private static final Topics TOPICS = Topics.defaults();

    private final AvroSerde<RawArticle> rawSerde = AvroSerde.of(RawArticle.class);
    private final AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class);
    private final AvroSerde<DeadLetter> dlqSerde = AvroSerde.of(DeadLetter.class);
    private final AtomicReference<TopicClassifier> classifier = new AtomicReference<>(new TopicClassifier(Taxonomy.defaults()));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private ArticlePipeline pipeline;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, EnrichedArticle> clean;
    private TestOutputTopic<String, DeadLetter> dlq;

    @BeforeEach
    void start() {
        pipeline = new ArticlePipeline(TextCleaner.defaults(), classifier::get,
                ArticleEnricher.defaults(), CLOCK);
        startDriver(ProcessorConfig.defaults(), ProcessorConfig.defaults()::limits);
    }

    /** (Re)starts the driver on a topology asking {@code limits} for the record limits. */
    private void startDriver(ProcessorConfig config, java.util.function.Supplier<RecordLimits> limits) {
        if (driver != null) {
            driver.close();
        }
        Properties props = StreamsSettings.properties("unused:9092", config, "/tmp/khabar-ttd", java.util.Map.of());
        driver = new TopologyTestDriver(NewsTopology.build(config, pipeline, new ProcessorMetrics(meters), CLOCK, limits),
                props);
        raw = driver.createInputTopic(TOPICS.raw(), new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(TOPICS.enriched(), new StringDeserializer(), enrichedSerde);
        clean = driver.createOutputTopic(TOPICS.clean(), new StringDeserializer(), enrichedSerde);
        dlq = driver.createOutputTopic(TOPICS.dlq(), new StringDeserializer(), dlqSerde);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void runsExactlyOnceWithExplicitHandlers() {
        Properties p = StreamsSettings.properties("b:9092", ProcessorConfig.defaults(), "/tmp/x",
                java.util.Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once"));
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p).containsKeys(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG);
    }

    @Test
    void aHindiDefencePactArticleIsEnrichedAndRoutedToItsCategories() {
        RawArticle article = raw("https://blog.example/hi/pact", "रूस और उत्तर कोरिया के बीच रक्षा समझौता",
                "रूसी राष्ट्रपति व्लादिमीर पुतिन और उत्तर कोरिया के नेता किम जोंग उन ने प्योंगयांग में एक रक्षा समझौते पर "
                        + "हस्ताक्षर किए। समझौते के अनुसार किसी एक देश पर हमला होने पर दूसरा देश सैन्य सहायता देगा।\n"
                        + "दोनों देशों के राजनयिक संबंधों को नई ऊंचाई मिली है, विदेश मंत्रालय ने कहा।");

        raw.pipeInput(article.getId(), rawSerde.encode(article));

        EnrichedArticle out = enriched.readValue();
        assertThat(out.getId()).isEqualTo(article.getId());
        assertThat(out.getLanguage()).isEqualTo("hi");
        assertThat(out.getLabels()).contains("defence", "diplomacy");
        assertThat(out.getEvidence()).anySatisfy(e -> assertThat(e.getLabel()).isEqualTo("defence"));
        assertThat(out.getProcessedAt()).isEqualTo(CLOCK.instant());
        assertThat(out.getWordCount()).isGreaterThan(20);

        EnrichedArticle cleaned = clean.readValue();
        assertThat(cleaned.getId()).isEqualTo(article.getId());
        assertThat(cleaned.getLabels()).isEmpty();
        assertThat(cleaned.getScores()).isEmpty();
        assertThat(cleaned.getEvidence()).isEmpty();
        // everything else is the enriched record's, field for field
        EnrichedArticle relabelled = EnrichedArticle.newBuilder(cleaned).setLabels(out.getLabels())
                .setScores(out.getScores()).setEvidence(out.getEvidence()).setSections(out.getSections()).build();
        assertThat(relabelled).isEqualTo(out);

        for (String label : out.getLabels()) {
            var category = driver.createOutputTopic(TOPICS.category(label), new StringDeserializer(), enrichedSerde);
            assertThat(category.readKeyValue().key).as(label).isEqualTo(article.getId());
        }
        var vietnam = driver.createOutputTopic(TOPICS.category("vietnam-visit"), new StringDeserializer(), enrichedSerde);
        assertThat(vietnam.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aPostWhoseLastSectionReportsTheVisitCarriesThatSectionsLabelsOnTheEnrichedRecord() {
        RawArticle article = raw("https://blog.example/monsoon-and-more", "इस हफ़्ते की बातें",
                "मानसून की तैयारी\n"
                        + "नगर निगम ने नालों की सफ़ाई शुरू कर दी है और जलभराव वाले इलाक़ों की सूची बनाई गई है। बारिश से "
                        + "पहले सड़कों की मरम्मत पूरी करने का लक्ष्य है।\n"
                        + "प्रधानमंत्री का वियतनाम दौरा\n"
                        + "प्रधानमंत्री तीन दिन की राजकीय यात्रा पर हनोई पहुंचे, जहां वियतनाम के राष्ट्रपति ने उनका स्वागत "
                        + "किया और दोनों देशों के बीच व्यापार और ऊर्जा पर समझौते हुए।");

        raw.pipeInput(article.getId(), rawSerde.encode(article));

        EnrichedArticle out = enriched.readValue();
        assertThat(out.getLabels()).contains("vietnam-visit", "diplomacy");
        assertThat(out.getSections()).extracting(s -> s.getHeading())
                .containsExactly("मानसून की तैयारी", "प्रधानमंत्री का वियतनाम दौरा");
        assertThat(out.getSections().get(0).getLabels()).isEmpty();
        assertThat(out.getSections().get(1).getLabels()).contains("vietnam-visit", "diplomacy");
        assertThat(out.getText().substring(out.getSections().get(1).getStart(), out.getSections().get(1).getEnd()))
                .startsWith("प्रधानमंत्री का वियतनाम दौरा");
        assertThat(clean.readValue().getSections()).as("news.clean carries no labels").isEmpty();
    }

    @Test
    void sportNewsCarriesNoLabelAndReachesNoCategoryTopic() {
        RawArticle article = raw("https://news.example/sport", "City hold on for a 2-1 win",
                "City's defence held firm in the second half as the visitors pressed for an equaliser. "
                        + "A late free kick flew like a missile over the bar, and the home fans celebrated the win.");

        raw.pipeInput(article.getId(), rawSerde.encode(article));

        assertThat(enriched.readValue().getLabels()).isEmpty();
        for (String id : Taxonomy.defaults().categoryIds()) {
            assertThat(driver.createOutputTopic(TOPICS.category(id), new StringDeserializer(), enrichedSerde).isEmpty())
                    .as(id).isTrue();
        }
    }

    @Test
    void anArticleLargerThanTheArticleTopicsTakeIsADeadLetterAndTheNextOneGoesThrough() {
        ProcessorConfig small = ProcessorConfig.defaults().withLimits(new RecordLimits(20_000, 1_000_000));
        startDriver(small, small::limits);
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 400; i++) { // ~34 KB of text
            longText.append("Paragraph ").append(i).append(" of the council's budget report lists schools, buses and parks.\n");
        }
        RawArticle large = raw("https://x.example/large", "A very long report", longText.toString());
        RawArticle small1 = raw("https://x.example/small", "Weather", "Light rain is expected in the city tomorrow.");

        raw.pipeInput(large.getId(), rawSerde.encode(large));
        raw.pipeInput(small1.getId(), rawSerde.encode(small1));

        DeadLetter letter = dlq.readValue();
        assertThat(letter.getStage()).isEqualTo("serialize");
        assertThat(letter.getMessage()).contains("20000-byte limit");
        assertThat(letter.getErrorClass()).contains("RecordTooLargeException");
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly(small1.getId());
    }

    @Test
    void limitsAreAskedForOnEveryRecordAndADeadLetterKeepsOnlyTheInputTheDlqTakes() {
        AtomicReference<RecordLimits> limits = new AtomicReference<>(new RecordLimits(100_000, 1_000_000));
        startDriver(ProcessorConfig.defaults(), limits::get);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) { // ~34 KB of text
            text.append("Paragraph ").append(i).append(" of the council's budget report lists schools, buses and parks.\n");
        }
        RawArticle first = raw("https://x.example/report-1", "A long report", text.toString());
        RawArticle second = raw("https://x.example/report-2", "The same report again", text.toString());
        byte[] garbage = new byte[100_000];
        java.util.Arrays.fill(garbage, (byte) 'x');

        raw.pipeInput(first.getId(), rawSerde.encode(first));
        limits.set(new RecordLimits(20_000, 40_000)); // an operator lowered the topics' limits
        raw.pipeInput(second.getId(), rawSerde.encode(second));
        raw.pipeInput("k", garbage);

        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly(first.getId());
        List<DeadLetter> letters = dlq.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getStage).containsExactly("serialize", "deserialize");
        assertThat(letters.get(0).getUrl()).isEqualTo(second.getUrl());
        assertThat(letters.get(0).getMessage()).contains("20000-byte limit");
        DeadLetter cut = letters.get(1);
        assertThat(cut.getOriginalSize()).isEqualTo(garbage.length);
        assertThat(cut.getOriginalValue().remaining()).as("cut to fit a 40,000-byte dead letter")
                .isPositive().isLessThan(40_000);
        assertThat(dlqSerde.serialize(TOPICS.dlq(), cut).length + 2 * "k".length()).isLessThanOrEqualTo(40_000);
    }

    @Test
    void corruptRecordsGoToTheDeadLetterTopicWithTheirPositionAndTheStreamGoesOn() {
        byte[] garbage = "<html>not avro</html>".getBytes(StandardCharsets.UTF_8);
        byte[] unknownFingerprint = {(byte) 0xC3, 0x01, 9, 9, 9, 9, 9, 9, 9, 9, 2, 'x'};
        byte[] truncated = java.util.Arrays.copyOf(rawSerde.encode(raw("https://x.example/a", "t", "body text")), 20);
        raw.pipeInput("k1", garbage);
        raw.pipeInput("k2", unknownFingerprint);
        raw.pipeInput("k3", truncated);
        raw.pipeInput("k4", (byte[]) null);
        RawArticle good = raw("https://x.example/ok", "Weather", "Light rain is expected in the city tomorrow.");
        raw.pipeInput(good.getId(), rawSerde.encode(good));

        List<DeadLetter> letters = dlq.readValuesToList();
        assertThat(letters).hasSize(4);
        assertThat(letters).allSatisfy(d -> {
            assertThat(d.getStage()).isEqualTo("deserialize");
            assertThat(d.getInputTopic()).isEqualTo(TOPICS.raw());
            assertThat(d.getInputPartition()).isZero();
        });
        assertThat(letters).extracting(DeadLetter::getInputOffset).containsExactly(0L, 1L, 2L, 3L);
        assertThat(letters.get(0).getOriginalValue().array()).isEqualTo(garbage);
        assertThat(letters.get(0).getMessage()).contains("single-object");
        assertThat(letters.get(1).getMessage()).contains("fingerprint");
        assertThat(enriched.readValue().getId()).isEqualTo(good.getId());
        assertThat(meters.find("khabar.processor.dlq").counters()).isNotEmpty();
    }

    @Test
    void aStageThatThrowsBecomesADeadLetterNamingTheStage() {
        classifier.set(null); // the classify stage now fails with a NullPointerException
        RawArticle article = raw("https://x.example/b", "Title", "Some text here.");

        raw.pipeInput(article.getId(), rawSerde.encode(article));

        DeadLetter d = dlq.readValue();
        assertThat(d.getStage()).isEqualTo("classify");
        assertThat(d.getErrorClass()).isEqualTo(NullPointerException.class.getName());
        assertThat(d.getUrl()).isEqualTo("https://x.example/b");
        assertThat(rawSerde.decode(d.getOriginalValue().array())).isEqualTo(article);
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void aReloadedTaxonomyLabelsAndRoutesANewCategoryWithoutRebuildingTheTopology() {
        String yaml = """
                categories:
                  - id: monsoon
                    threshold: 1.0
                    terms:
                      en: {monsoon: 2}
                      hi: {मानसून: 2}
                """;
        classifier.set(new TopicClassifier(Taxonomy.parse(yaml)));
        RawArticle article = raw("https://x.example/m", "मानसून केरल पहुंचा", "मानसून इस साल समय से पहले केरल पहुंच गया है।");

        raw.pipeInput(article.getId(), rawSerde.encode(article));

        assertThat(enriched.readValue().getLabels()).containsExactly("monsoon");
        var monsoon = driver.createOutputTopic(TOPICS.category("monsoon"), new StringDeserializer(), enrichedSerde);
        assertThat(monsoon.readValue().getId()).isEqualTo(article.getId());
    }

    @Test
    void aSyndicatedCopyFromAnotherSourceIsMarkedAsADuplicateOfTheOriginal() {
        String text = "The city council approved a new budget on Tuesday after a long debate about school repairs, "
                + "bus routes and the library. The mayor said the plan keeps taxes flat while adding money for "
                + "teachers, and opposition members asked for a review of the bus contracts before the next session. "
                + "Residents who attended the meeting welcomed the extra funds for the library and parks.";
        RawArticle original = raw("https://one.example/budget", "Council approves budget", text);
        RawArticle copy = RawArticle.newBuilder(raw("https://two.example/news/budget", "Council approves budget",
                text + " (Syndicated.)")).setSourceId("other").build();
        RawArticle unrelated = raw("https://three.example/rain", "Rain expected",
                "Heavy rain is expected across the region this weekend, and farmers are preparing their fields "
                        + "for the sowing season while the weather office issued an advisory for fishermen on the coast. "
                        + "Schools remain open, and the roads department has cleared drains in low-lying areas.");

        raw.pipeInput(original.getId(), rawSerde.encode(original));
        raw.pipeInput(copy.getId(), rawSerde.encode(copy));
        raw.pipeInput(unrelated.getId(), rawSerde.encode(unrelated));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertThat(out.get(0).getDuplicateOf()).isNull();
        assertThat(out.get(1).getDuplicateOf()).isEqualTo(original.getId());
        assertThat(out.get(2).getDuplicateOf()).isNull();
    }

    @Test
    void theOriginalIsTheEarliestNearCopyInTheWindowHoweverCrowdedItsBands() {
        RawArticle article = raw("https://four.example/budget", "Council approves budget",
                "The city council approved a new budget on Tuesday after a long debate about school repairs, bus "
                        + "routes and the library, and the mayor said the plan keeps taxes flat while adding teachers.");
        long fp = pipeline.process(article).getFingerprint();
        long now = CLOCK.millis();
        long day = java.time.Duration.ofDays(1).toMillis();
        TestInputTopic<String, String> fingerprints = driver.createInputTopic(TOPICS.fingerprints(),
                new StringSerializer(), new StringSerializer());
        // each band crowded with older entries that share only that band with the article (48 bits away)
        for (int band = 0; band < MarkDuplicates.BANDS; band++) {
            long onlyThisBand = fp ^ ~(0xFFFFL << (16 * band));
            for (int i = 0; i < 300; i++) {
                String id = "crowd" + band + "-" + i;
                long at = now - 20 * day + i;
                fingerprints.pipeInput(MarkDuplicates.bandKey(band, onlyThisBand, at, id),
                        id + ":" + onlyThisBand + ":" + at);
            }
        }
        pipeFingerprint(fingerprints, "late", fp ^ 0b1, now - day);
        pipeFingerprint(fingerprints, "fourBitsAway", fp ^ 0b1111, now - 15 * day);
        pipeFingerprint(fingerprints, "original", fp ^ 0b10, now - 10 * day);
        pipeFingerprint(fingerprints, "beforeTheWindow", fp ^ 0b100, now - 40 * day);

        raw.pipeInput(article.getId(), rawSerde.encode(article));

        assertThat(enriched.readValue().getDuplicateOf()).isEqualTo("original");
    }

    @Test
    void bandKeysOlderThanAnyLookBackGetTombstonesAndLeaveTheGlobalStore(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path stateDir) {
        ProcessorConfig config = ProcessorConfig.defaults();
        Properties props = StreamsSettings.properties("unused:9092", config, stateDir.toString(), java.util.Map.of());
        long now = CLOCK.millis();
        long day = java.time.Duration.ofDays(1).toMillis();
        try (TopologyTestDriver sweeping = new TopologyTestDriver(NewsTopology.build(config, pipeline,
                new ProcessorMetrics(meters), CLOCK), props, CLOCK.instant())) {
            TestInputTopic<String, String> in = sweeping.createInputTopic(TOPICS.fingerprints(),
                    new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> out = sweeping.createOutputTopic(TOPICS.fingerprints(),
                    new StringDeserializer(), new StringDeserializer());
            long expiredFp = 0x1234_5678_9ABC_DEF0L;
            long keptFp = 0x0FED_CBA9_8765_4321L;
            pipeFingerprint(in, "expired", expiredFp, now - 32 * day);
            pipeFingerprint(in, "expiredToo", keptFp, now - 40 * day);
            pipeFingerprint(in, "inTheWindow", keptFp, now - 30 * day);
            pipeFingerprint(in, "recent", expiredFp, now - day);

            // a full cycle over the 4 × 65,536 band buckets
            int sweeps = (MarkDuplicates.BANDS << 16) / FingerprintRecords.BUCKETS_PER_SWEEP;
            for (int i = 0; i < sweeps; i++) {
                sweeping.advanceWallClockTime(FingerprintRecords.SWEEP_EVERY);
            }

            java.util.List<org.apache.kafka.streams.KeyValue<String, String>> written = out.readKeyValuesToList();
            assertThat(written).allSatisfy(kv -> assertThat(kv.value).isNull());
            assertThat(written).extracting(kv -> kv.key.substring(kv.key.lastIndexOf(':') + 1))
                    .containsExactlyInAnyOrder("expired", "expired", "expired", "expired",
                            "expiredToo", "expiredToo", "expiredToo", "expiredToo");
            org.apache.kafka.streams.state.KeyValueStore<String, ?> store =
                    sweeping.getKeyValueStore(NewsTopology.FINGERPRINT_STORE);
            java.util.List<String> left = new java.util.ArrayList<>();
            store.all().forEachRemaining(kv -> left.add(kv.key.substring(kv.key.lastIndexOf(':') + 1)));
            assertThat(left).containsExactlyInAnyOrder("inTheWindow", "inTheWindow", "inTheWindow", "inTheWindow",
                    "recent", "recent", "recent", "recent");
            assertThat(meters.counter("khabar.processor.fingerprints.expired").count()).isEqualTo(8.0);
        }
    }

    private static void pipeFingerprint(TestInputTopic<String, String> topic, String id, long fp, long at) {
        for (int band = 0; band < MarkDuplicates.BANDS; band++) {
            topic.pipeInput(MarkDuplicates.bandKey(band, fp, at, id), id + ":" + fp + ":" + at);
        }
    }

    @Test
    void windowedCountsPerLabelAndLanguageGoToTheStatsTopicAndTheQueryableStore() {
        RawArticle a = raw("https://x.example/s1", "Weather", "Light rain is expected in the city tomorrow.");
        RawArticle b = raw("https://x.example/s2", "मौसम", "कल शहर में हल्की बारिश की संभावना है।");
        raw.pipeInput(a.getId(), rawSerde.encode(a), Instant.parse("2024-06-21T07:00:10Z"));
        raw.pipeInput(b.getId(), rawSerde.encode(b), Instant.parse("2024-06-21T07:00:20Z"));

        var stats = driver.createOutputTopic(TOPICS.stats(), new StringDeserializer(),
                AvroSerde.of(dev.khabar.schemas.StatsCount.class));
        java.util.Map<String, Long> latest = new java.util.HashMap<>();
        stats.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value.getCount()));
        long window = Instant.parse("2024-06-21T07:00:00Z").toEpochMilli();
        assertThat(latest).containsEntry("label:none@" + window, 2L)
                .containsEntry("language:en@" + window, 1L)
                .containsEntry("language:hi@" + window, 1L);
        var store = driver.getWindowStore(NewsTopology.STATS_STORE);
        assertThat(store.fetch("label:none", window)).isEqualTo(2L);
    }

    private static RawArticle raw(String url, String title, String text) {
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url).setSourceId("test")
                .setFetchedAt(Instant.parse("2024-06-21T07:00:00Z")).setHttpStatus(200)
                .setTitle(title).setText(text).setPublished(Instant.parse("2024-06-21T04:45:00Z"))
                .setExtractorVersion("test").build();
    }
}
