package dev.khabar.console.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsThenFileThenEnvironmentThenFlags() throws Exception {
        Path file = dir.resolve("khabar.yaml");
        Files.writeString(file, """
                kafka:
                  bootstrap: from-file:9092
                  partitions: 6
                  properties:
                    security.protocol: SASL_SSL
                ingest:
                  per-host-delay: 5s
                  threads: 2
                """);
        KhabarConfig c = new ConfigLoader().file(file)
                .environment(Map.of("KHABAR_INGEST_PER_HOST_DELAY", "2s", "KHABAR_KAFKA_PARTITIONS", "8"))
                .flag("kafka.partitions", 12)
                .load();

        assertThat(c.kafka().bootstrap()).isEqualTo("from-file:9092");
        assertThat(c.kafka().partitions()).as("flag beats env beats file").isEqualTo(12);
        assertThat(c.ingest().fetch().perHostDelay()).as("env beats file").isEqualTo(Duration.ofSeconds(2));
        assertThat(c.ingest().threads()).as("file beats default").isEqualTo(2);
        assertThat(c.ingest().fetch().requestTimeout()).as("default").isEqualTo(Duration.ofSeconds(30));
        assertThat(c.kafka().clientProperties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(c.topics().raw()).isEqualTo("news.raw");
    }

    @Test
    void noBootstrapMeansTheEmbeddedBroker() {
        assertThat(new ConfigLoader().load().kafka().embedded()).isTrue();
    }

    @Test
    void invalidValuesNameTheSettingAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> new ConfigLoader().environment(Map.of("KHABAR_INGEST_THREADS", "many")).load())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("ingest.threads").hasMessageContaining("KHABAR_INGEST_THREADS")
                .hasMessageContaining("many");
        assertThatThrownBy(() -> new ConfigLoader().flag("ingest.per-host-delay", "soon").load())
                .hasMessageContaining("ingest.per-host-delay");
        assertThatThrownBy(() -> new ConfigLoader().flag("topics.prefix", "bad prefix").load())
                .hasMessageContaining("topics.prefix");
    }

    @Test
    void theProcessorRunsAStreamThreadPerCoreUnlessTold() {
        assertThat(new ConfigLoader().load().processor().streamThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new ConfigLoader().flag("processor.threads", 3).load().processor().streamThreads()).isEqualTo(3);
        assertThatThrownBy(() -> new ConfigLoader().flag("processor.threads", -1).load())
                .hasMessageContaining("processor.threads");
    }

    @Test
    void anInstanceIdThatIsNotAPlainNameIsRefused() {
        // it names the URL state directory, whose contents ingest deletes: "x/../.." would name the parent
        assertThatThrownBy(() -> new ConfigLoader().flag("ingest.instance-id", "x/../..").load())
                .hasMessageContaining("ingest.instance-id");
        assertThat(new ConfigLoader().flag("ingest.instance-id", "ingest-2.eu_west").load().ingest().instanceId())
                .isEqualTo("ingest-2.eu_west");
    }

    @Test
    void unknownKeysInTheFileAreRefused() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "ingest:\n  treads: 4\n");
        assertThatThrownBy(() -> new ConfigLoader().file(file).load())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("ingest.treads");
    }

    @Test
    void aMalformedFileIsReportedByPositionWithoutEchoingItsText() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "kafka:\n  properties:\n    sasl.jaas.config: \"password=\"s3cr3t-value\"\n   bad: [\n");
        assertThatThrownBy(() -> new ConfigLoader().file(file).load())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("line")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void everySettingHasAnEnvironmentName() {
        assertThat(Setting.require("ingest.per-host-delay").envName()).isEqualTo("KHABAR_INGEST_PER_HOST_DELAY");
        assertThat(Setting.ALL).extracting(Setting::envName).doesNotHaveDuplicates();
    }
}
