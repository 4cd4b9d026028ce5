package dev.khabar.console.dashboard;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code /ready}: Kafka answers (a broker is listed within two seconds) and, where a processor
 * runs in this process, its Kafka Streams state is RUNNING. The answer is cached for a second so
 * a busy probe or the dashboard's own refresh cannot flood the cluster.
 */
final class Readiness {

    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Admin admin;
    private final KafkaStreams streams;
    private ObjectNode cached;
    private long cachedAt;

    /** @param streams the processor running here, or null when there is none */
    Readiness(Admin admin, KafkaStreams streams) {
        this.admin = admin;
        this.streams = streams;
    }

    synchronized ObjectNode check() {
        if (cached != null && System.nanoTime() - cachedAt < CACHE_NANOS) {
            return cached;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        int brokers;
        try {
            brokers = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            brokers = 0;
        } catch (Exception e) {
            brokers = 0;
        }
        boolean kafka = brokers > 0;
        o.put("kafka", kafka);
        o.put("brokers", brokers);
        boolean streamsOk = true;
        if (streams != null) {
            KafkaStreams.State state = streams.state();
            o.put("streams", state.name());
            streamsOk = state == KafkaStreams.State.RUNNING;
        } else {
            o.putNull("streams");
        }
        o.put("ready", kafka && streamsOk);
        cached = o;
        cachedAt = System.nanoTime();
        return o;
    }
}
