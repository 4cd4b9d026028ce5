package dev.khabar.console.reliability;

import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Synthetic articles written straight to the raw topic, as ingest would publish them: distinct
 * URLs (so distinct ids), a few sentences of varied text each, at a steady rate on a thread of
 * their own so they stream through while a test breaks things.
 */
final class ArticleStream implements AutoCloseable {

    private static final String[] WORDS = {"council", "river", "budget", "school", "railway", "harbour", "festival",
            "weather", "court", "market", "minister", "election", "hospital", "bridge", "farmers", "monsoon", "library",
            "police", "museum", "stadium", "airport", "teachers", "drought", "factory", "village", "students"};

    private final String topic;
    private final String prefix;
    private final int count;
    private final int perSecond;
    private final KafkaProducer<String, byte[]> producer;
    private final AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class);
    private final Set<String> ids = new LinkedHashSet<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * @param prefix URL prefix; article {@code i} lives at {@code prefix + i}
     */
    ArticleStream(String bootstrap, String topic, String prefix, int count, int perSecond) {
        this.topic = topic;
        this.prefix = prefix;
        this.count = count;
        this.perSecond = perSecond;
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        for (int i = 0; i < count; i++) {
            ids.add(ArticleIds.of(prefix + i));
        }
        thread = new Thread(this::run, "article-stream");
        thread.setDaemon(true);
    }

    ArticleStream start() {
        thread.start();
        return this;
    }

    /** The ids of every article this stream writes (all of them, sent yet or not). */
    Set<String> ids() {
        return ids;
    }

    int sent() {
        return sent.get();
    }

    static RawArticle article(String url, int i) {
        Random r = new Random(i);
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            for (int w = 0; w < 12; w++) {
                text.append(w == 0 ? capitalised(WORDS[r.nextInt(WORDS.length)]) : WORDS[r.nextInt(WORDS.length)]).append(' ');
            }
            text.append("number ").append(i).append(".\n");
        }
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url).setSourceId("synthetic")
                .setFetchedAt(Instant.now()).setHttpStatus(200)
                .setTitle("Report " + i + ": the " + WORDS[r.nextInt(WORDS.length)] + " and the " + WORDS[r.nextInt(WORDS.length)])
                .setText(text.toString()).setPublished(Instant.parse("2024-06-21T04:45:00Z"))
                .setExtractorVersion("synthetic").setContentHash(Integer.toHexString(text.toString().hashCode()))
                .setVersion(1).build();
    }

    private static String capitalised(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private void run() {
        long start = System.nanoTime();
        for (int i = 0; i < count && !stopped; i++) {
            RawArticle a = article(prefix + i, i);
            producer.send(new ProducerRecord<>(topic, a.getId(), serde.encode(a)));
            sent.incrementAndGet();
            long due = start + Duration.ofSeconds(1).toNanos() * (i + 1) / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                try {
                    Thread.sleep(wait / 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        producer.flush();
    }

    /** Waits (bounded) until every article was handed to the producer and acknowledged. */
    void awaitSent(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("only " + sent.get() + " of " + count + " articles sent within " + timeout);
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
