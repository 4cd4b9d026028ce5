package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.dashboard.Dashboard;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The dashboard with {@code /metrics}, {@code /health} and {@code /ready}, which every long-running
 * command serves on {@code console.dashboard-port} (-1: none). A taken port is reported, not fatal.
 */
final class OperatorEndpoints {

    private OperatorEndpoints() {
    }

    static AutoCloseable start(KhabarConfig config, String bootstrap, Map<String, Object> clientProperties,
                               PrometheusMeterRegistry metrics, KafkaStreams streamsOrNull, PrintStream err) {
        int port = config.console().dashboardPort();
        if (port < 0) {
            return () -> { };
        }
        try {
            Dashboard dashboard = Dashboard.start(new Dashboard.Options(port, bootstrap, clientProperties, config.topics(),
                    metrics, streamsOrNull));
            err.println("khabar: dashboard at " + dashboard.uri());
            return dashboard;
        } catch (IllegalStateException e) {
            err.println("khabar: no dashboard: " + e.getMessage() + " (set console.dashboard-port, or -1 for none)");
            return () -> { };
        }
    }
}
