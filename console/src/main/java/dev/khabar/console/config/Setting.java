package dev.khabar.console.config;

import java.util.List;
import java.util.Locale;

/**
 * One configuration setting: its dotted key (as in the YAML file), default and meaning. The
 * environment variable is derived: {@code ingest.per-host-delay} → {@code KHABAR_INGEST_PER_HOST_DELAY}.
 */
public record Setting(String key, String defaultValue, String description) {

    public String envName() {
        return "KHABAR_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Every setting Khabar reads, in the order of the README's reference table. */
    public static final List<Setting> ALL = List.of(
            new Setting("kafka.bootstrap", "", "Kafka bootstrap servers; empty means start the embedded broker"),
            new Setting("kafka.partitions", "3", "partitions of topics Khabar creates"),
            new Setting("kafka.replication-factor", "1", "replication factor of topics Khabar creates"),
            new Setting("kafka.embedded-port", "0", "port of the embedded broker (0 = any free port)"),
            new Setting("kafka.embedded-data-dir", "", "data directory of the embedded broker (empty = temporary)"),
            new Setting("topics.prefix", "news.", "prefix of every topic name"),
            new Setting("ingest.sources", "", "sources YAML file"),
            new Setting("ingest.user-agent", "KhabarBot/0.1 (+https://github.com/khabar-news/khabar)",
                    "User-Agent sent with every request"),
            new Setting("ingest.threads", "4", "fetch threads of this instance (a host is served by one at a time)"),
            new Setting("ingest.group-id", "khabar-ingest", "consumer group of the ingest instances sharing the frontier"),
            new Setting("ingest.instance-id", "", "stable unique name of this ingest instance (empty = host name)"),
            new Setting("ingest.max-crawl-delay", "30s", "robots.txt crawl-delay is honoured up to this"),
            new Setting("ingest.per-host-delay", "1s", "minimum gap between requests to one host"),
            new Setting("ingest.connect-timeout", "10s", "TCP connect timeout"),
            new Setting("ingest.request-timeout", "30s", "timeout of a whole request, body included"),
            new Setting("ingest.max-body-bytes", "10485760", "largest body accepted, also after decompression"),
            new Setting("ingest.max-redirects", "5", "redirects followed per URL"),
            new Setting("ingest.state-dir", "",
                    "where URL states are kept off the heap, refilled from the state topic at start (empty = in the heap)"),
            new Setting("processor.application-id", "khabar-processor",
                    "Kafka Streams application id; instances with the same id share the work"),
            new Setting("processor.taxonomy", "", "taxonomy YAML file (empty = the built-in categories)"),
            new Setting("processor.threads", "0",
                    "stream threads of this processor instance (0 = one per CPU core); threads beyond the partitions it owns idle"),
            new Setting("processor.state-dir", "", "Kafka Streams state directory (empty = a temporary directory)"),
            new Setting("processor.topic-limits-check", "60s",
                    "how often the topics' max.message.bytes are read again, so a limit changed at the broker is followed"),
            new Setting("console.dashboard-port", "8080", "port of the web dashboard (0 = any free port, -1 = off)"));

    public static Setting require(String key) {
        for (Setting s : ALL) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown setting '" + key + "'");
    }
}
