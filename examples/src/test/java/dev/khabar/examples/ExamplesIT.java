package dev.khabar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.KhabarSchemas;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumers of docs/consuming.md, run against a real broker: three committed articles (one in
 * Hindi) and one whose transaction was aborted, which a {@code read_committed} consumer never sees;
 * on news.raw, a record written with the previous RawArticle schema and one with the current.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesIT {

    static {
        // Avro 1.12 only instantiates trusted classes; the schemas jar trusts its own once it is loaded,
        // which a builder alone does not do (a serde does)
        KhabarSchemas.store();
    }

    private static final Topics TOPICS = Topics.defaults();
    private static final String ABORTED = "Aborted: this article was never committed";
    private static final List<EnrichedArticle> COMMITTED = List.of(
            article("https://example.org/hi/raksha-sandhi", "hi", "रूस और उत्तर कोरिया के बीच रक्षा संधि", List.of("defence", "diplomacy")),
            article("https://example.org/en/hanoi-visit", "en", "Putin arrives in Hanoi for a state visit", List.of("diplomacy", "vietnam-visit")),
            article("https://example.org/en/heatwave", "en", "North India swelters as heatwave drags on", List.of()));

    private final String bootstrap;

    ExamplesIT(EmbeddedKafkaBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    @BeforeAll
    void publish() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPICS.enriched(), 2, (short) 1), new NewTopic(TOPICS.raw(), 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "examples-it"), new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPICS.enriched(), "aborted",
                    serde.encode(article("https://example.org/aborted", "en", ABORTED, List.of("defence")))));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            for (EnrichedArticle a : COMMITTED) {
                producer.send(new ProducerRecord<>(TOPICS.enriched(), a.getId(), serde.encode(a)));
            }
            producer.send(new ProducerRecord<>(TOPICS.raw(), "v1", rawArticleV1("https://example.org/old", "Written by schema v1")));
            RawArticle current = RawArticle.newBuilder().setId(ArticleIds.of("https://example.org/new"))
                    .setUrl("https://example.org/new").setCanonicalUrl("https://example.org/new").setSourceId("example")
                    .setFetchedAt(Instant.parse("2024-06-20T08:00:00Z")).setHttpStatus(200).setTitle("Written by the current schema")
                    .setText("Body.").setExtractorVersion("test").build();
            producer.send(new ProducerRecord<>(TOPICS.raw(), current.getId(), AvroSerde.of(RawArticle.class).encode(current)));
            producer.commitTransaction();
        }
    }

    @Test
    void javaConsumerPrintsTitlesAndLabelsOfCommittedArticlesOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long printed = ConsumeEnriched.consume(new ConsumeEnriched.Options(bootstrap, TOPICS.enriched(), "examples-it-java",
                Long.MAX_VALUE, Duration.ofSeconds(5)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(printed).isEqualTo(COMMITTED.size());
        assertThat(lines).containsExactlyInAnyOrder(COMMITTED.stream()
                .map(a -> a.getId() + "\t" + a.getLanguage() + "\t" + String.join(",", a.getLabels()) + "\t" + a.getTitle())
                .toArray(String[]::new));
        assertThat(String.join("\n", lines)).doesNotContain(ABORTED);
    }

    @Test
    void pythonConsumerDecodesSingleObjectAvroWithTheSchemaFiles() throws Exception {
        String python = pythonWithAvroAndKafka();
        List<JsonNode> enriched = runPython(python, TOPICS.enriched(), COMMITTED.size());
        assertThat(enriched).hasSize(COMMITTED.size());
        for (EnrichedArticle a : COMMITTED) {
            JsonNode r = enriched.stream().filter(n -> n.path("id").asText().equals(a.getId())).findFirst().orElseThrow();
            assertThat(r.path("title").asText()).isEqualTo(a.getTitle());
            assertThat(r.path("language").asText()).isEqualTo(a.getLanguage());
            List<String> labels = new ArrayList<>();
            r.path("labels").forEach(l -> labels.add(l.asText()));
            assertThat(labels).isEqualTo(a.getLabels());
            a.getLabels().forEach(l -> assertThat(r.path("scores").path(l).asDouble()).isEqualTo(3.5));
            assertThat(r.path("fetchedAt").asText()).startsWith("2024-06-20T08:00:00");
        }
        assertThat(enriched).noneMatch(n -> n.path("title").asText().equals(ABORTED));

        // an old record resolves through its fingerprint to the current schema (new fields get their defaults)
        List<JsonNode> raw = runPython(python, TOPICS.raw(), 2);
        assertThat(raw).extracting(n -> n.path("title").asText())
                .containsExactly("Written by schema v1", "Written by the current schema");
        assertThat(raw.get(0).path("version").asInt()).isEqualTo(1);
        assertThat(raw.get(0).path("readMoreLinks").isArray()).isTrue();
        assertThat(raw.get(1).path("fetchedAt").asText()).startsWith("2024-06-20T08:00:00");
    }

    private List<JsonNode> runPython(String python, String topic, int max) throws Exception {
        Path script = Path.of("python", "consume.py").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--bootstrap", bootstrap, "--topic", topic,
                "--max", String.valueOf(max), "--idle-seconds", "30");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("consume.py finished").isTrue();
        assertThat(p.exitValue()).as("consume.py exit code").isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).lines().toList()) {
            JsonNode n = json.readTree(line);
            assertThat(n.has("undecodable")).as("decoded: %s", line).isFalse();
            records.add(n);
        }
        return records;
    }

    /** The first python3 that has the avro and confluent_kafka modules (Debian's are under /usr/bin/python3). */
    private static String pythonWithAvroAndKafka() throws IOException, InterruptedException {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("KHABAR_PYTHON") != null) {
            candidates.add(System.getenv("KHABAR_PYTHON"));
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String c : candidates) {
            try {
                Process p = new ProcessBuilder(c, "-c", "import avro.schema, avro.io, confluent_kafka")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return c;
                }
            } catch (IOException e) {
                // not on this machine; try the next one
            }
        }
        Assumptions.abort("the Python consumer test needs python3 with the avro and confluent_kafka modules "
                + "(Debian: apt-get install python3-avro python3-confluent-kafka; .ci/run installs them); tried " + candidates);
        return null;
    }

    private static EnrichedArticle article(String url, String language, String title, List<String> labels) {
        Map<String, Double> scores = new java.util.HashMap<>();
        labels.forEach(l -> scores.put(l, 3.5));
        return EnrichedArticle.newBuilder()
                .setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url).setSourceId("example").setTitle(title)
                .setText(title + ".").setLanguage(language).setScript(language.equals("hi") ? "Devanagari" : "Latin")
                .setFetchedAt(Instant.parse("2024-06-20T08:00:00Z")).setProcessedAt(Instant.parse("2024-06-20T08:00:01Z"))
                .setLabels(labels).setScores(scores).setWordCount(8).setReadingTimeSeconds(3)
                .build();
    }

    /** A RawArticle as the first schema version wrote it, in single-object encoding. */
    private static byte[] rawArticleV1(String url, String title) throws IOException {
        Schema v1 = KhabarSchemas.history("RawArticle").get(0);
        GenericRecord r = new GenericData.Record(v1);
        for (Schema.Field f : v1.getFields()) {
            if (f.hasDefaultValue()) {
                r.put(f.name(), GenericData.get().getDefaultValue(f));
            }
        }
        r.put("id", ArticleIds.of(url));
        r.put("url", url);
        r.put("canonicalUrl", url);
        r.put("sourceId", "example");
        r.put("fetchedAt", Instant.parse("2024-06-20T07:00:00Z").toEpochMilli());
        r.put("httpStatus", 200);
        r.put("title", title);
        r.put("text", "Body.");
        r.put("extractorVersion", "v1");
        ByteBuffer b = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(r);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        assertThat(KhabarSchemas.byFingerprint()).containsKey(KhabarSchemas.fingerprint(v1));
        return out;
    }
}
