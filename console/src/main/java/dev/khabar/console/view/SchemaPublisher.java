package dev.khabar.console.view;

import dev.khabar.schemas.KhabarSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes every schema Khabar knows (current and historical) to the compacted schemas topic:
 * key = the CRC-64-AVRO fingerprint as 16 lower-case hex digits (the number a record's
 * single-object header carries, read little-endian), value = the schema's JSON. Readers in other
 * languages that see an unknown fingerprint look it up there. Publishing again is harmless: the
 * topic is compacted and a fingerprint always names the same schema.
 */
public final class SchemaPublisher {

    private SchemaPublisher() {
    }

    /** The topic's key for a fingerprint. */
    public static String key(long fingerprint) {
        return String.format(Locale.ROOT, "%016x", fingerprint);
    }

    /** @return how many schemas were published */
    public static int publish(String bootstrap, Map<String, Object> clientProperties, String topic)
            throws InterruptedException {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "khabar-schema-publisher");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<Long, Schema> e : KhabarSchemas.byFingerprint().entrySet()) {
                sent.add(producer.send(new ProducerRecord<>(topic, key(e.getKey()), e.getValue().toString())));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
            return sent.size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish schemas to " + topic + ": " + e.getMessage(), e);
        }
    }
}
