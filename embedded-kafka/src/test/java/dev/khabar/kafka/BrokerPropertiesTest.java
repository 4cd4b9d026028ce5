package dev.khabar.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

    private static final Path DATA_DIR = Path.of("/tmp/khabar-kafka-test");

    @Test
    void everyKeyIsAKnownBrokerConfig() {
        Set<String> known = KafkaConfig.configDef().names();

        Properties props = BrokerProperties.build(9092, 9093, DATA_DIR, Duration.ofSeconds(5), Map.of());

        assertThat(known).containsAll(props.stringPropertyNames());
        assertThat(known).containsAll(BrokerProperties.RESERVED);
    }

    @Test
    void brokerAcceptsTheConfigForACombinedNodeOnLoopback() {
        KafkaConfig config = KafkaConfig.fromProps(
                BrokerProperties.build(9092, 9093, DATA_DIR, Duration.ofSeconds(5), Map.of()), false);

        assertThat(config.nodeId()).isEqualTo(BrokerProperties.NODE_ID);
        assertThat(config.getList("listeners"))
                .containsExactly("PLAINTEXT://127.0.0.1:9092", "CONTROLLER://127.0.0.1:9093");
        assertThat(config.getList("controller.quorum.voters")).containsExactly("1@127.0.0.1:9093");
        assertThat(config.getLong("log.cleaner.dedupe.buffer.size")).isEqualTo(2L * 1024 * 1024);
        assertThat(config.getBoolean("auto.create.topics.enable")).isFalse();
        assertThat(config.getLong("server.max.startup.time.ms")).isEqualTo(5_000L);
    }

    @Test
    void callerPropertiesOverrideTheDefaults() {
        Properties props = BrokerProperties.build(9092, 9093, DATA_DIR, Duration.ofSeconds(5),
                Map.of("auto.create.topics.enable", "true", "num.partitions", "6"));

        assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(props.getProperty("num.partitions")).isEqualTo("6");
        assertThat(props.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
    }

    @Test
    void builderRejectsWhatWouldDesynchroniseTheBroker() {
        EmbeddedKafkaBrokerBuilder builder = EmbeddedKafkaBroker.builder();

        assertThatIllegalArgumentException().isThrownBy(() -> builder.brokerProperty("listeners", "PLAINTEXT://:9"))
                .withMessageContaining("listeners");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.port(70_000)).withMessageContaining("70000");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.port(9092).controllerPort(9092).build())
                .withMessageContaining("9092");
    }
}
