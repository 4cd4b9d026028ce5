package dev.khabar.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.PipelineSession;
import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Kafka security settings reach every client, and their secrets reach no log. The whole pipeline
 * (topic setup, ingest's producers and consumers, the Streams processor and its clients) runs with
 * canary values in {@code sasl.jaas.config} and {@code ssl.truststore.password} — ignored by a
 * PLAINTEXT broker but parsed, validated and printed in every client's config dump — while every
 * log event down to Kafka's INFO config dumps and Khabar's DEBUG is captured.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class SecretsNotLoggedIT {

    private static final String CANARY = "CANARY-7f3a9c";

    @TempDir
    Path dir;

    @Test
    void clientSecretsNeverReachTheLog(EmbeddedKafkaBroker kafka) throws Exception {
        KhabarConfig config = new ConfigLoader()
                .flag("kafka.bootstrap", kafka.bootstrapServers())
                .flag("topics.prefix", "secrets.")
                .flag("processor.application-id", "secrets-processor")
                .flag("processor.state-dir", dir.toString())
                .flag("ingest.per-host-delay", "0ms")
                .clientProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"khabar\" password=\"" + CANARY + "-jaas\";")
                .clientProperty("ssl.truststore.password", CANARY + "-tls")
                .load();
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger kafkaLogs = logging.getLogger("org.apache.kafka");
        Logger khabarLogs = logging.getLogger("dev.khabar");
        Level kafkaLevel = kafkaLogs.getLevel();
        Level khabarLevel = khabarLogs.getLevel();
        root.addAppender(captured);
        // Kafka's INFO and Khabar's DEBUG go to the capture only, not to the build's console
        for (Logger l : List.of(kafkaLogs, khabarLogs)) {
            l.addAppender(captured);
            l.setAdditive(false);
        }
        kafkaLogs.setLevel(Level.INFO);
        khabarLogs.setLevel(Level.DEBUG);
        try (NewsSite site = new NewsSite(5);
             PipelineSession session = PipelineSession.start(config,
                     List.of(Source.of("secrets", SourceType.RSS, site.feed(), Duration.ofHours(1), true)),
                     new SimpleMeterRegistry(), IngestListener.NONE)) {
            assertThat(session.runOnce(a -> { }, Duration.ofMinutes(2)).complete()).as("the pipeline ran").isTrue();
        } finally {
            root.detachAppender(captured);
            for (Logger l : List.of(kafkaLogs, khabarLogs)) {
                l.detachAppender(captured);
                l.setAdditive(true);
            }
            kafkaLogs.setLevel(kafkaLevel);
            khabarLogs.setLevel(khabarLevel);
        }

        List<String> lines = captured.list.stream().map(SecretsNotLoggedIT::render).toList();
        assertThat(lines).as("config dumps were captured").anyMatch(l -> l.contains("ProducerConfig values"))
                .anyMatch(l -> l.contains("ConsumerConfig values")).anyMatch(l -> l.contains("sasl.jaas.config = [hidden]"));
        assertThat(lines).as("log lines carrying a secret").noneMatch(l -> l.contains(CANARY));
        ProcessorCrashIT.log("secrets: %d log events captured, none with a secret", lines.size());
    }

    private static String render(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }
}
