package dev.khabar.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One broker per test class, shared with nested classes, injected wherever a test asks for it. */
@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedKafkaExtensionIT {

    private static EmbeddedKafkaBroker fromBeforeAll;

    private final EmbeddedKafkaBroker fromConstructor;

    EmbeddedKafkaExtensionIT(EmbeddedKafkaBroker kafka) {
        this.fromConstructor = kafka;
    }

    @BeforeAll
    static void createTopic(EmbeddedKafkaBroker kafka) {
        assertThat(kafka.isRunning()).isTrue();
        kafka.createTopics(2, "extension");
        fromBeforeAll = kafka;
    }

    @Test
    void injectsTheSameRunningBrokerEverywhere(EmbeddedKafkaBroker kafka) {
        assertThat(kafka).isSameAs(fromConstructor).isSameAs(fromBeforeAll);
        assertThat(kafka.isRunning()).isTrue();
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Nested
    class NestedClass {

        private final EmbeddedKafkaBroker fromNestedConstructor;

        NestedClass(EmbeddedKafkaBroker kafka) {
            this.fromNestedConstructor = kafka;
        }

        @Test
        void sharesTheEnclosingClassBroker(EmbeddedKafkaBroker kafka) {
            assertThat(kafka).isSameAs(fromNestedConstructor).isSameAs(fromBeforeAll);
        }

        @Test
        void seesTopicsOfTheEnclosingClassAndCreatesThemIdempotently(EmbeddedKafkaBroker kafka) throws Exception {
            kafka.createTopics(5, "extension");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                TopicDescription topic = admin.describeTopics(List.of("extension")).allTopicNames().get()
                        .get("extension");
                assertThat(topic.partitions()).as("partitions, as created by @BeforeAll").hasSize(2);
            }
        }
    }

    /** Runs after the nested class's afterAll callback, which must have left this class's broker alone. */
    @AfterAll
    static void brokerOutlivesNestedClasses() {
        assertThat(fromBeforeAll.isRunning()).isTrue();
    }
}
