package dev.khabar.console.runtime;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka cluster a command talks to: the configured one, or an embedded broker started here. */
public final class KafkaEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEndpoint.class);

    private final String bootstrap;
    private final EmbeddedKafkaBroker embedded;
    private final Map<String, Object> clientProperties;

    private KafkaEndpoint(String bootstrap, EmbeddedKafkaBroker embedded, Map<String, Object> clientProperties) {
        this.bootstrap = bootstrap;
        this.embedded = embedded;
        this.clientProperties = clientProperties;
    }

    public static KafkaEndpoint open(KhabarConfig config) {
        if (!config.kafka().embedded()) {
            return new KafkaEndpoint(config.kafka().bootstrap(), null, config.kafka().clientProperties());
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                .port(config.kafka().embeddedPort())
                .dataDir(config.kafka().embeddedDataDir())
                .build();
        try {
            broker.start();
        } catch (RuntimeException e) {
            broker.close(); // removes a temporary data dir
            throw e;
        }
        LOG.info("embedded Kafka broker on {}", broker.bootstrapServers());
        return new KafkaEndpoint(broker.bootstrapServers(), broker, Map.of());
    }

    public String bootstrap() {
        return bootstrap;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public Map<String, Object> clientProperties() {
        return clientProperties;
    }

    public Admin admin() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
