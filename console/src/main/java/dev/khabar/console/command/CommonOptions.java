package dev.khabar.console.command;

import dev.khabar.console.config.ConfigLoader;
import dev.khabar.console.config.KhabarConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every Kafka-facing command takes; flags override the environment and the file. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (default: $KHABAR_CONFIG)")
    Path config;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers; without it, the embedded broker (where the command allows it)")
    String bootstrap;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "raw Kafka client property for every client (security, tuning); repeatable")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    public KhabarConfig load() {
        return loader().load();
    }

    /**
     * The configuration of a command that works on a cluster: refused, with what to pass, when it names
     * none (the embedded broker lives only as long as the command that starts it).
     */
    public static KhabarConfig requireCluster(KhabarConfig config, String command) {
        if (config.kafka().embedded()) {
            throw new IllegalArgumentException(command + " needs a cluster: pass --bootstrap HOST:PORT or set kafka.bootstrap");
        }
        return config;
    }

    /** The loader with file, environment and these flags applied; callers may add their own flags. */
    public ConfigLoader loader() {
        Path file = config;
        if (file == null && System.getenv("KHABAR_CONFIG") != null) {
            file = Path.of(System.getenv("KHABAR_CONFIG"));
        }
        ConfigLoader loader = new ConfigLoader().file(file).environment(System.getenv()).flag("kafka.bootstrap", bootstrap);
        kafkaProperties.forEach(loader::clientProperty);
        return loader;
    }
}
