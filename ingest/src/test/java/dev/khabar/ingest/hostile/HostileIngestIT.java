package dev.khabar.ingest.hostile;

import static dev.khabar.ingest.hostile.HostileResponses.article;
import static dev.khabar.ingest.hostile.HostileResponses.encoded;
import static dev.khabar.ingest.hostile.HostileResponses.endless;
import static dev.khabar.ingest.hostile.HostileResponses.html;
import static dev.khabar.ingest.hostile.HostileResponses.ok;
import static dev.khabar.ingest.hostile.HostileResponses.randomBytes;
import static dev.khabar.ingest.hostile.HostileResponses.redirect;
import static dev.khabar.ingest.hostile.HostileResponses.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile web end to end: a feed lists hostile pages, real fetch workers take them from the
 * frontier topic, and every URL's outcome lands in {@code news.fetch-log} and in the metric
 * {@code khabar.ingest.outcomes}; the workers survive all of it and go on publishing.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class HostileIngestIT {

    private static final Topics TOPICS = new Topics("hostile.");

    private final EmbeddedKafkaBroker kafka;

    HostileIngestIT(EmbeddedKafkaBroker kafka) throws Exception {
        this.kafka = kafka;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            // the sizes TopicSetup gives a real deployment: 8 MB records on the article topics
            Map<String, String> big = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
            admin.createTopics(List.of(new NewTopic(TOPICS.frontier(), 2, (short) 1).configs(big),
                    new NewTopic(TOPICS.raw(), 2, (short) 1).configs(big),
                    new NewTopic(TOPICS.fetchLog(), 2, (short) 1).configs(big),
                    new NewTopic(TOPICS.ingestState(), 2, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyHostileUrlEndsInTheFetchLogAndTheMetricAndTheWorkersGoOn() throws Exception {
        try (HostileServer web = new HostileServer("127.0.0.1"); HostileServer elsewhere = new HostileServer("127.0.0.2")) {
            elsewhere.on("/secret", html(article("Secret", "Never to be fetched.")));
            Map<String, FetchOutcome> expected = new LinkedHashMap<>();
            serve(web, expected, "/ok", html(article("Fine", "An ordinary page among hostile ones.")), FetchOutcome.PUBLISHED);
            serve(web, expected, "/cp1252", ok("text/html; charset=utf-8",
                    article("Cafe", "Café “quotes” in the wrong charset.").getBytes(Charset.forName("windows-1252"))),
                    FetchOutcome.PUBLISHED);
            serve(web, expected, "/binary", ok(HostileResponses.HTML, randomBytes(4096, 5)), FetchOutcome.NOT_HTML);
            serve(web, expected, "/bomb", encoded("gzip", HostileResponses.gigabyteGzipBomb()), FetchOutcome.TOO_LARGE);
            serve(web, expected, "/50mb", endless(50L * 1024 * 1024, true), FetchOutcome.TOO_LARGE);
            serve(web, expected, "/loop", redirect(302, "/loop"), FetchOutcome.TOO_MANY_REDIRECTS);
            serve(web, expected, "/to-127.0.0.2", redirect(302, elsewhere.url("/secret").toString()), FetchOutcome.REFUSED_ADDRESS);
            serve(web, expected, "/to-metadata", redirect(302, "http://169.254.169.254/latest/meta-data/"),
                    FetchOutcome.REFUSED_ADDRESS);
            serve(web, expected, "/empty", ok(HostileResponses.HTML, new byte[0]), FetchOutcome.EXTRACT_FAILED);
            serve(web, expected, "/scripts", html("<html><body>" + "<script>x()</script>".repeat(100) + "</body></html>"),
                    FetchOutcome.EXTRACT_FAILED);
            serve(web, expected, "/gone", status(404), FetchOutcome.HTTP_ERROR);
            serve(web, expected, "/storm", status(503, "Retry-After: 1"), FetchOutcome.HTTP_ERROR);
            serve(web, expected, "/huge-article", html(hugeArticle(9 * 1024 * 1024 / 2)), FetchOutcome.PUBLISH_FAILED);
            List<String> links = new ArrayList<>();
            expected.keySet().forEach(p -> links.add(web.url(p).toString()));
            links.add(elsewhere.url("/secret").toString());
            expected.put("127.0.0.2/secret", FetchOutcome.REFUSED_ADDRESS);
            web.on("/feed", ok("application/rss+xml", rss(links).getBytes(StandardCharsets.UTF_8)));
            Source source = new Source("hostile", SourceType.RSS, web.url("/feed"), Duration.ofHours(1), true, 100, null,
                    null, 3, 0);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();

            try (IngestService ingest = start(source, meters)) {
                List<FetchLogEntry> log = runOnce(ingest, source);

                Map<String, FetchOutcome> finalOutcome = new HashMap<>();
                for (FetchLogEntry e : log) {
                    FetchOutcome o = FetchOutcome.fromLabel(e.getOutcome());
                    if (o != FetchOutcome.RETRYING) {
                        java.net.URI u = java.net.URI.create(e.getUrl());
                        String key = u.getHost().equals("127.0.0.2") ? "127.0.0.2/secret" : u.getPath();
                        finalOutcome.put(key, o);
                    }
                }
                assertThat(finalOutcome).isEqualTo(expected);
                assertThat(log).filteredOn(e -> e.getOutcome().equals("retrying")).hasSize(2);
                for (FetchOutcome o : FetchOutcome.values()) {
                    long inLog = log.stream().filter(e -> e.getOutcome().equals(o.label())).count();
                    Counter c = meters.find("khabar.ingest.outcomes").tags("source", "hostile", "outcome", o.label()).counter();
                    assertThat(c == null ? 0 : (long) c.count()).as("metric for " + o.label()).isEqualTo(inLog);
                }
                assertThat(elsewhere.totalRequests()).as("requests that reached 127.0.0.2").isZero();

                // the same workers then publish an ordinary page: nothing above stopped them
                web.on("/after", html(article("After the storm", "Workers still fetch and publish.")));
                web.on("/feed2", ok("application/rss+xml", rss(List.of(web.url("/after").toString())).getBytes(StandardCharsets.UTF_8)));
                Source after = new Source("hostile", SourceType.RSS, web.url("/feed2"), Duration.ofHours(1), true, 100, null,
                        null, 3, 0);
                assertThat(runOnce(ingest, after)).extracting(FetchLogEntry::getOutcome).containsExactly("published");
            }
            assertThat(rawArticles()).extracting(RawArticle::getTitle)
                    .containsExactlyInAnyOrder("Fine", "Cafe", "After the storm");
        }
    }

    private static void serve(HostileServer web, Map<String, FetchOutcome> expected, String path, HostileServer.Behaviour b,
                              FetchOutcome outcome) {
        web.on(path, b);
        expected.put(path, outcome);
    }

    /** An article whose text and HTML together pass the 8 MB record limit while the page stays under the 10 MB cap. */
    private static String hugeArticle(int textBytes) {
        StringBuilder sb = new StringBuilder("<html><head><title>Huge</title></head><body><article><h1>Huge</h1>");
        Random random = new Random(42);
        String[] words = {"river", "council", "budget", "school", "market", "railway", "harbour", "festival", "weather", "court"};
        while (sb.length() < textBytes) {
            sb.append("<p>");
            for (int i = 0; i < 60; i++) {
                sb.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
            }
            sb.append(".</p>\n");
        }
        return sb.append("</article></body></html>").toString();
    }

    private static String rss(List<String> links) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>http://x/</link><description>d</description>");
        links.forEach(l -> sb.append("<item><title>i</title><link>").append(l).append("</link></item>"));
        return sb.append("</channel></rss>").toString();
    }

    private IngestService start(Source source, SimpleMeterRegistry meters) {
        return IngestService.start(new IngestService.Options("hostile-ingest", "hostile-1", 2, HostileWeb.SETTINGS,
                        Duration.ofSeconds(5)), kafka.bootstrapServers(), Map.of(), TOPICS, List.of(source), meters,
                IngestListener.NONE, Clock.systemUTC());
    }

    /** Discovers with a fresh run id and waits (bounded) until every URL of the run has its final fetch-log entry. */
    private List<FetchLogEntry> runOnce(IngestService ingest, Source source) {
        String runId = UUID.randomUUID().toString();
        int expected = ingest.discover(List.of(source), runId).expectedLogEntries();
        List<FetchLogEntry> entries = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        AvroSerde<FetchLogEntry> serde = AvroSerde.of(FetchLogEntry.class);
        try (KafkaConsumer<String, byte[]> c = consumer()) {
            assignFromBeginning(c, TOPICS.fetchLog());
            while (entries.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    FetchLogEntry e = serde.decode(r.value());
                    if (runId.equals(e.getRunId())) {
                        entries.add(e);
                        expected += e.getFollowUps();
                    }
                }
            }
        }
        assertThat(entries).as("fetch-log entries of the run within 120 s").hasSize(expected);
        return entries;
    }

    private List<RawArticle> rawArticles() {
        AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class);
        List<RawArticle> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = consumer()) {
            List<TopicPartition> parts = assignFromBeginning(c, TOPICS.raw());
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(serde.decode(r.value())));
            }
        }
        return out;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> assignFromBeginning(KafkaConsumer<String, byte[]> c, String topic) {
        List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        c.assign(parts);
        c.seekToBeginning(parts);
        return parts;
    }
}
