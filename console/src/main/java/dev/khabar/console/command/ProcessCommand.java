package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.KafkaEndpoint;
import dev.khabar.console.runtime.ProcessorRunner;
import dev.khabar.console.runtime.TopicSetup;
import dev.khabar.console.dashboard.DashboardMetrics;
import dev.khabar.console.view.SchemaPublisher;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The Kafka Streams processor alone; run several with the same application id to share the work. */
@Command(name = "process", mixinStandardHelpOptions = true, description = "Run the processor alone against --bootstrap.")
public final class ProcessCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = CommonOptions.requireCluster(common.load(), "process");
        KafkaEndpoint kafka = KafkaEndpoint.open(config);
        try (Admin admin = kafka.admin()) {
            TopicSetup.ensure(admin, config.topics(), ProcessorRunner.taxonomy(config).categoryIds(),
                    config.kafka().partitions(), config.kafka().replicationFactor());
        }
        SchemaPublisher.publish(kafka.bootstrap(), kafka.clientProperties(), config.topics().schemas());
        PrometheusMeterRegistry metrics = DashboardMetrics.prometheus();
        ProcessorRunner processor = ProcessorRunner.start(config, kafka.bootstrap(), metrics);
        AutoCloseable streamsMetrics = DashboardMetrics.bind(metrics, processor.streams());
        AutoCloseable endpoints = OperatorEndpoints.start(config, kafka.bootstrap(), kafka.clientProperties(), metrics,
                processor.streams(), System.err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                endpoints.close();
                streamsMetrics.close();
            } catch (Exception e) {
                // shutting down anyway
            }
            processor.close();
            stopped.countDown();
        }, "khabar-shutdown"));
        System.err.println("khabar: processor " + config.processor().applicationId() + " on " + kafka.bootstrap());
        stopped.await();
        return 0;
    }
}
