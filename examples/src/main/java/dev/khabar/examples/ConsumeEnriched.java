package dev.khabar.examples;

import dev.khabar.schemas.AvroSerde;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A downstream consumer of {@code news.enriched}, with nothing but {@code khabar-schemas} and
 * {@code kafka-clients}: prints each article's language, labels and title.
 *
 * <pre>
 * java -cp khabar-examples.jar:khabar-schemas.jar:... dev.khabar.examples.ConsumeEnriched \
 *     --bootstrap localhost:9092 [--topic news.enriched] [--group my-app] [--max N] [--idle-seconds S]
 * </pre>
 *
 * Output, one line per article: {@code id TAB language TAB labels (comma-separated) TAB title}.
 */
public final class ConsumeEnriched {

    private ConsumeEnriched() {
    }

    /** What to read and when to stop: after {@code max} articles, or after {@code idle} without one (null: never). */
    public record Options(String bootstrap, String topic, String group, long max, Duration idle) {
    }

    public static void main(String[] args) {
        Options o = parse(args);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        consume(o, out);
    }

    /** @return how many articles were printed */
    public static long consume(Options o, PrintStream out) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, o.group());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");     // a new group starts at the oldest article
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // only what the processor committed
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);         // commit after printing: at-least-once

        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class);
        long printed = 0;
        long idleSince = System.nanoTime();
        try (KafkaConsumer<String, EnrichedArticle> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(o.topic()));
            while (printed < o.max()) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, EnrichedArticle> r : records) {
                    EnrichedArticle a = r.value();
                    out.println(a.getId() + "\t" + a.getLanguage() + "\t" + String.join(",", a.getLabels()) + "\t"
                            + a.getTitle());
                    printed++;
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                    idleSince = System.nanoTime();
                } else if (o.idle() != null && System.nanoTime() - idleSince > o.idle().toNanos()) {
                    break;
                }
            }
        }
        return printed;
    }

    static Options parse(String[] args) {
        String bootstrap = "localhost:9092";
        String topic = Topics.defaults().enriched();
        String group = "khabar-example";
        long max = Long.MAX_VALUE;
        Duration idle = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = require(args[i], value);
                case "--topic" -> topic = require(args[i], value);
                case "--group" -> group = require(args[i], value);
                case "--max" -> max = Long.parseLong(require(args[i], value));
                case "--idle-seconds" -> idle = Duration.ofSeconds(Long.parseLong(require(args[i], value)));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --bootstrap, --topic, --group, --max, --idle-seconds)");
            }
            i++;
        }
        return new Options(bootstrap, topic, group, max, idle);
    }

    private static String require(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }
}
