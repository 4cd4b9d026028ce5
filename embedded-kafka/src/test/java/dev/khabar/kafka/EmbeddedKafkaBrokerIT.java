package dev.khabar.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedKafkaBrokerIT {

    private final EmbeddedKafkaBroker kafka;

    EmbeddedKafkaBrokerIT(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
    }

    @Test
    void consumerGroupReadsAndCommitsAProducedRecord() throws Exception {
        kafka.createTopics(1, "plain");
        try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
            producer.send(new ProducerRecord<>("plain", "url", "headline")).get();
        }

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "plain-readers");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("plain"));
            ConsumerRecord<String, String> record = pollOne(consumer);
            assertThat(record.key()).isEqualTo("url");
            assertThat(record.value()).isEqualTo("headline");
            assertThat(record.offset()).isZero();

            consumer.commitSync();
            TopicPartition partition = new TopicPartition("plain", 0);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(partition));
            assertThat(committed.get(partition).offset()).isEqualTo(1);
        }
    }

    @Test
    void readCommittedConsumerSeesCommittedButNotAbortedTransactions() {
        kafka.createTopics(1, "transactional");
        try (KafkaProducer<String, String> producer =
                producer(kafka, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "khabar-it"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "committed"));
            producer.commitTransaction();
        }

        assertThat(TopicReader.readAll(kafka.bootstrapServers(), "transactional", IsolationLevel.READ_COMMITTED))
                .extracting(ConsumerRecord::value)
                .containsExactly("committed");
        // The aborted record was written: only the isolation level hides it.
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), "transactional", IsolationLevel.READ_UNCOMMITTED))
                .extracting(ConsumerRecord::value)
                .containsExactly("aborted", "committed");
    }

    @Test
    void restartOnAPersistentDataDirKeepsRecordsAndContinuesOffsets(@TempDir Path dataDir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).build().start();
                KafkaProducer<String, String> producer = producer(broker, Map.of())) {
            broker.createTopics(1, "durable");
            producer.send(new ProducerRecord<>("durable", "first")).get();
            producer.send(new ProducerRecord<>("durable", "second")).get();
            String bootstrapServers = broker.bootstrapServers();

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            assertThat(broker.bootstrapServers()).isEqualTo(bootstrapServers);
            // The producer was open across the restart, as an app's would be.
            RecordMetadata third = producer.send(new ProducerRecord<>("durable", "third")).get();
            assertThat(third.offset()).isEqualTo(2);
            assertThat(TopicReader.readAll(bootstrapServers, "durable", IsolationLevel.READ_UNCOMMITTED))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("first", "second", "third");
        }
        assertThat(dataDir.resolve(StorageFormatter.META_PROPERTIES)).isRegularFile();

        // As after a process restart: a new broker on the same dir, on new ports, is the same cluster.
        try (EmbeddedKafkaBroker reopened = EmbeddedKafkaBroker.builder().dataDir(dataDir).build().start()) {
            assertThat(TopicReader.readAll(reopened.bootstrapServers(), "durable", IsolationLevel.READ_UNCOMMITTED))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("first", "second", "third");
        }
    }

    @Test
    void twoBrokersOnPortZeroAreIndependent() throws Exception {
        try (EmbeddedKafkaBroker other = EmbeddedKafkaBroker.builder().build().start();
                Admin ours = admin(kafka);
                Admin theirs = admin(other)) {
            assertThat(other.bootstrapServers()).isNotEqualTo(kafka.bootstrapServers());
            assertThat(other.dataDir()).isNotEqualTo(kafka.dataDir());

            other.createTopics(1, "only-on-the-other");

            assertThat(theirs.describeCluster().clusterId().get())
                    .isNotEqualTo(ours.describeCluster().clusterId().get());
            assertThat(theirs.listTopics().names().get()).contains("only-on-the-other");
            assertThat(ours.listTopics().names().get()).doesNotContain("only-on-the-other");
        }
    }

    @Test
    void failsWithThePortAndDataDirWhenItsPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(taken.getLocalPort()).build()) {
            assertThatThrownBy(broker::start)
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining(broker.dataDir().toString());
            assertThat(broker.isRunning()).isFalse();
        }
    }

    @Test
    void closingDeletesATemporaryDataDirAndEndsTheBroker() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build();
        Path dataDir = broker.dataDir();
        assertThat(dataDir).isDirectory();

        broker.close();

        assertThat(Files.exists(dataDir)).isFalse();
        assertThat(broker.isRunning()).isFalse();
        assertThatIllegalStateException().isThrownBy(broker::start).withMessageContaining("closed");
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker, Map<String, Object> extra) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static ConsumerRecord<String, String> pollOne(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                return record;
            }
        }
        throw new AssertionError("No record within 20 s");
    }
}
