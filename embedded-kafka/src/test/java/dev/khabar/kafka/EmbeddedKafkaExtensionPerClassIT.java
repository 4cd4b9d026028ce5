package dev.khabar.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;

/** With one instance per class, JUnit resolves the constructor before any beforeAll callback runs. */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(Lifecycle.PER_CLASS)
class EmbeddedKafkaExtensionPerClassIT {

    private final EmbeddedKafkaBroker fromConstructor;
    private EmbeddedKafkaBroker fromBeforeAll;

    EmbeddedKafkaExtensionPerClassIT(EmbeddedKafkaBroker kafka) {
        assertThat(kafka.isRunning()).isTrue();
        this.fromConstructor = kafka;
    }

    @BeforeAll
    void rememberBroker(EmbeddedKafkaBroker kafka) {
        fromBeforeAll = kafka;
    }

    @Test
    void startsOneBrokerForConstructorAndCallbacks(EmbeddedKafkaBroker kafka) {
        assertThat(kafka).isSameAs(fromConstructor).isSameAs(fromBeforeAll);
    }
}
