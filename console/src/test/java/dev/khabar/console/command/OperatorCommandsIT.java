package dev.khabar.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.khabar.console.KhabarCommand;
import dev.khabar.console.dashboard.Dashboard;
import dev.khabar.console.dashboard.DashboardMetrics;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.StatsCount;
import dev.khabar.schemas.Evidence;
import dev.khabar.schemas.KhabarSchemas;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code khabar watch}, {@code topics}, {@code dlq} and the standalone dashboard against records on a real broker. */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OperatorCommandsIT {

    static {
        KhabarSchemas.store(); // trusts the generated classes before the builders below run
    }

    private static final Topics TOPICS = Topics.defaults();
    private static final String HINDI_TITLE = "रूस और उत्तर कोरिया के बीच रक्षा संधि पर हस्ताक्षर";
    private static final String MATCH = "रक्षा संधि";

    private final String bootstrap;
    private final List<RecordMetadata> letters = new ArrayList<>();
    private byte[] garbage;

    OperatorCommandsIT(EmbeddedKafkaBroker kafka) {
        this.bootstrap = kafka.bootstrapServers();
    }

    @BeforeAll
    void publish() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPICS.enriched(), 2, (short) 1), new NewTopic(TOPICS.raw(), 2, (short) 1),
                    new NewTopic(TOPICS.dlq(), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        AvroSerde<EnrichedArticle> articles = AvroSerde.of(EnrichedArticle.class);
        garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        RawArticle raw = RawArticle.newBuilder().setId(ArticleIds.of("https://example.org/x")).setUrl("https://example.org/x")
                .setCanonicalUrl("https://example.org/x").setSourceId("example").setFetchedAt(Instant.parse("2024-06-20T08:00:00Z"))
                .setHttpStatus(200).setTitle("A page the enricher choked on").setText("Body.").setExtractorVersion("t").build();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (EnrichedArticle a : List.of(
                    article("https://example.org/en/heat", "en", "blog-a", "Heatwave grips the north", List.of(), -1),
                    article("https://example.org/hi/sandhi", "hi", "blog-b", HINDI_TITLE, List.of("defence", "diplomacy"),
                            HINDI_TITLE.indexOf(MATCH)),
                    article("https://example.org/en/treaty", "en", "blog-b", "Defence treaty explained", List.of("defence"), -1))) {
                producer.send(new ProducerRecord<>(TOPICS.enriched(), a.getId(), articles.encode(a))).get();
            }
            AvroSerde<DeadLetter> dlq = AvroSerde.of(DeadLetter.class);
            letters.add(producer.send(new ProducerRecord<>(TOPICS.dlq(), "k1", dlq.encode(letter("deserialize", "k1", garbage)))).get());
            letters.add(producer.send(new ProducerRecord<>(TOPICS.dlq(), "k2",
                    dlq.encode(letter("enrich", "k2", AvroSerde.of(RawArticle.class).encode(raw))))).get());
            letters.add(producer.send(new ProducerRecord<>(TOPICS.dlq(), "k3", dlq.encode(letter("clean", "k3", null)))).get());
        }
    }

    @Test
    void watchFiltersAndDecodesAndPrettyPrintsWithEvidenceMarked() throws Exception {
        Run json = run("watch", TOPICS.enriched(), "--bootstrap", bootstrap, "--from-beginning", "--max", "1",
                "--category", "defence", "--lang", "hi");
        assertThat(json.code).as(json.err).isZero();
        List<String> lines = json.out.lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode record = new ObjectMapper().readTree(lines.get(0));
        assertThat(record.path("title").asText()).isEqualTo(HINDI_TITLE);
        assertThat(record.path("_offset").isNumber()).isTrue();

        Run first = run("watch", TOPICS.enriched(), "--bootstrap", bootstrap, "--from-beginning", "--max", "1");
        assertThat(first.out.lines().toList()).as("--max 1 of 3 records").hasSize(1);

        Run bySource = run("watch", TOPICS.enriched(), "--bootstrap", bootstrap, "--from-beginning", "--max", "2",
                "--source", "blog-b");
        assertThat(bySource.out.lines().map(l -> l.contains("\"sourceId\":\"blog-b\"")).toList()).containsExactly(true, true);

        Run pretty = run("watch", TOPICS.enriched(), "--bootstrap", bootstrap, "--from-beginning", "--max", "1",
                "--lang", "hi", "--pretty", "--color", "never");
        assertThat(pretty.out).contains(HINDI_TITLE, "hi · blog-b · v1", "defence 4.20", "diplomacy",
                "title: रूस और उत्तर कोरिया के बीच »" + MATCH + "« पर हस्ताक्षर", "entities: Russia / रूस (country)")
                .doesNotContain("\u001b[");
        Run coloured = run("watch", TOPICS.enriched(), "--bootstrap", bootstrap, "--from-beginning", "--max", "1",
                "--lang", "hi", "--pretty", "--color", "always");
        assertThat(coloured.out).contains("\u001b[1;33m" + MATCH + "\u001b[0m").doesNotContain("»");
    }

    @Test
    void topicsShowsEndOffsetsRatesAndTheLagOfEachGroup() throws Exception {
        try (KafkaConsumer<byte[], byte[]> group = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "app-reading-enriched"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // one committed record of three: lag 2
            Map<TopicPartition, OffsetAndMetadata> commit = new java.util.HashMap<>();
            commit.put(new TopicPartition(TOPICS.enriched(), 0), new OffsetAndMetadata(0));
            commit.put(new TopicPartition(TOPICS.enriched(), 1), new OffsetAndMetadata(0));
            long first = firstPartitionWithRecords();
            commit.put(new TopicPartition(TOPICS.enriched(), (int) first), new OffsetAndMetadata(1));
            group.commitSync(commit);
        }
        Thread writer = new Thread(() -> {
            try (KafkaProducer<String, byte[]> producer = producer()) {
                Thread.sleep(300);
                for (int i = 0; i < 40; i++) {
                    producer.send(new ProducerRecord<>(TOPICS.raw(), "r" + i, garbage));
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        Run topics = run("topics", "--bootstrap", bootstrap, "--interval", "2s");
        writer.join();
        assertThat(topics.code).as(topics.err).isZero();
        String enrichedRow = row(topics.out, TOPICS.enriched());
        assertThat(enrichedRow.split("\\s+")).containsExactly(TOPICS.enriched(), "2", "3", "0.0");
        double rawRate = Double.parseDouble(row(topics.out, TOPICS.raw()).split("\\s+")[3]);
        assertThat(rawRate).as("records/s on news.raw while 40 records were written").isGreaterThan(5);
        assertThat(row(topics.out, "app-reading-enriched").split("\\s+"))
                .containsExactly("app-reading-enriched", "classic", TOPICS.enriched(), "1", "3", "2");
    }

    @Test
    void dlqListsShowsAndReplaysToTheInputTopic() throws Exception {
        Run list = run("dlq", "list", "--bootstrap", bootstrap);
        assertThat(list.code).as(list.err).isZero();
        assertThat(list.out).contains("3 dead letter(s)");
        for (RecordMetadata m : letters) {
            assertThat(list.out).contains(m.partition() + ":" + m.offset());
        }
        assertThat(row(list.out, pos(0))).contains("deserialize", "SerializationException", "news.raw-1@7");

        Run onlyEnrich = run("dlq", "list", "--bootstrap", bootstrap, "--stage", "enrich", "--json");
        assertThat(onlyEnrich.out.lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l).contains("\"stage\":\"enrich\""));

        JsonNode decoded = new ObjectMapper().readTree(run("dlq", "show", pos(1), "--bootstrap", bootstrap).out);
        assertThat(decoded.path("original").path("title").asText()).isEqualTo("A page the enricher choked on");
        JsonNode raw = new ObjectMapper().readTree(run("dlq", "show", pos(0), "--bootstrap", bootstrap).out);
        assertThat(raw.path("original").path("undecodable").asText()).contains("single-object");
        assertThat(raw.path("original").path("text").asText()).isEqualTo("definitely not avro");
        assertThat(run("dlq", "show", "0", "--bootstrap", bootstrap).code).as("a bare offset on a 2-partition DLQ").isEqualTo(2);

        Run replay = run("dlq", "replay", "--bootstrap", bootstrap, "--stage", "deserialize", pos(2));
        assertThat(replay.code).as(replay.err).isZero();
        assertThat(replay.out).contains("replayed " + pos(0) + " → news.raw (key k1, 19 bytes, failed in deserialize)",
                "skipped " + pos(2) + ": no original value recorded", "1 replayed, 1 skipped");
        List<ConsumerRecord<byte[], byte[]>> replayed = readAll(TOPICS.raw()).stream()
                .filter(r -> r.headers().lastHeader("khabar.replayed-from") != null).toList();
        assertThat(replayed).hasSize(1);
        assertThat(new String(replayed.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("k1");
        assertThat(replayed.get(0).value()).isEqualTo(garbage);
        assertThat(new String(replayed.get(0).headers().lastHeader("khabar.replayed-from").value(), StandardCharsets.UTF_8))
                .isEqualTo(TOPICS.dlq() + ":" + pos(0));
    }

    @Test
    void aDashboardWithoutAProcessorChartsTheStatsTopicAndTheFetchLog() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPICS.stats(), 1, (short) 1), new NewTopic(TOPICS.fetchLog(), 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        Instant minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            AvroSerde<StatsCount> stats = AvroSerde.of(StatsCount.class);
            for (long count : new long[] {1, 2, 3}) { // updates of one window: the latest wins
                producer.send(new ProducerRecord<>(TOPICS.stats(), "label:defence@" + minute.toEpochMilli(),
                        stats.encode(new StatsCount("label", "defence", minute, minute.plusSeconds(60), count)))).get();
            }
            producer.send(new ProducerRecord<>(TOPICS.fetchLog(), "https://example.org/private",
                    AvroSerde.of(FetchLogEntry.class).encode(FetchLogEntry.newBuilder().setUrl("https://example.org/private")
                            .setSourceId("blog-b").setOutcome("robots-denied").setAt(Instant.now()).build()))).get();
        }
        try (Dashboard dashboard = Dashboard.start(new Dashboard.Options(0, bootstrap, Map.of(), TOPICS,
                DashboardMetrics.prometheus(), null))) {
            HttpClient http = HttpClient.newHttpClient();
            JsonNode snapshot = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                snapshot = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(dashboard.uri().resolve("api/snapshot"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                if (snapshot.path("stats").path("dimensions").path("label").path("totals").path("defence").asLong() == 3
                        && snapshot.path("sources").size() == 1 && snapshot.path("articles").size() == 3) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(snapshot.path("stats").path("origin").asText()).isEqualTo("topic");
            assertThat(snapshot.path("stats").path("dimensions").path("label").path("totals").path("defence").asLong())
                    .isEqualTo(3);
            assertThat(snapshot.path("sources").get(0).path("robotsDenied").asLong()).isEqualTo(1);
            assertThat(snapshot.path("articles")).hasSize(3);
            assertThat(snapshot.path("health").path("streams").isNull()).isTrue();
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(dashboard.uri().resolve("ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"kafka\":true");
        }
    }

    private String pos(int i) {
        return letters.get(i).partition() + ":" + letters.get(i).offset();
    }

    private long firstPartitionWithRecords() {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            Map<TopicPartition, Long> ends = c.endOffsets(List.of(new TopicPartition(TOPICS.enriched(), 0),
                    new TopicPartition(TOPICS.enriched(), 1)));
            return ends.get(new TopicPartition(TOPICS.enriched(), 0)) > 0 ? 0 : 1;
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> tps = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static String row(String table, String first) {
        return table.lines().filter(l -> l.startsWith(first + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + first + " in\n" + table));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = KhabarCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG, false), new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static DeadLetter letter(String stage, String key, byte[] original) {
        return DeadLetter.newBuilder().setStage(stage).setErrorClass("org.apache.kafka.common.errors.SerializationException")
                .setMessage(stage + " failed").setInputTopic(TOPICS.raw()).setInputPartition(1).setInputOffset(7L)
                .setKey(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(original == null ? null : ByteBuffer.wrap(original))
                .setFailedAt(Instant.parse("2024-06-20T08:00:00Z")).build();
    }

    private static EnrichedArticle article(String url, String language, String source, String title, List<String> labels,
                                           int matchAt) {
        List<Evidence> evidence = new ArrayList<>();
        if (matchAt >= 0) {
            evidence.add(new Evidence("defence", "title", MATCH, matchAt, matchAt + MATCH.length(), 2.0));
        }
        Map<String, Double> scores = new java.util.HashMap<>();
        labels.forEach(l -> scores.put(l, 4.2));
        var entities = language.equals("hi")
                ? List.of(new dev.khabar.schemas.Entity("Q159", "country", "Russia", "रूस", List.of()))
                : List.<dev.khabar.schemas.Entity>of();
        return EnrichedArticle.newBuilder().setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url).setSourceId(source)
                .setTitle(title).setText(title + ".").setLanguage(language).setScript("x")
                .setFetchedAt(Instant.parse("2024-06-20T08:00:00Z")).setProcessedAt(Instant.parse("2024-06-20T08:00:01Z"))
                .setLabels(labels).setScores(scores).setEvidence(evidence).setEntities(entities)
                .setWordCount(5).setReadingTimeSeconds(2).build();
    }
}
