package dev.khabar.console.config;

import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.processor.topology.ProcessorConfig;
import dev.khabar.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The whole configuration, immutable and validated at start-up. */
public record KhabarConfig(Kafka kafka, Topics topics, Ingest ingest, Processor processor, Console console) {

    /**
     * @param bootstrap        bootstrap servers, or null to start the embedded broker
     * @param clientProperties raw Kafka client properties (security, tuning) for every client
     */
    public record Kafka(String bootstrap, int partitions, short replicationFactor, int embeddedPort, Path embeddedDataDir,
                        Map<String, Object> clientProperties) {
        public boolean embedded() {
            return bootstrap == null;
        }
    }

    /** @param stateDir where URL states are kept off the heap, or null for the heap */
    public record Ingest(Path sources, int threads, String groupId, String instanceId, Duration maxCrawlDelay,
                         FetchSettings fetch, Path stateDir) {
    }

    /**
     * @param threads          stream threads of this instance; 0 means one per CPU core the JVM sees
     * @param topicLimitsCheck how often the topics' {@code max.message.bytes} are read again
     */
    public record Processor(String applicationId, Path taxonomy, Path stateDir, int threads, Duration topicLimitsCheck) {
        public ProcessorConfig toProcessorConfig(Topics topics) {
            return new ProcessorConfig(topics, applicationId);
        }

        /** How many stream threads to run: {@code threads}, or one per CPU core when it is 0. */
        public int streamThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    public record Console(int dashboardPort) {
    }

    static KhabarConfig from(Settings s, Map<String, Object> clientProperties) {
        String bootstrap = s.string("kafka.bootstrap");
        Kafka kafka = new Kafka(bootstrap.isEmpty() ? null : bootstrap, s.integer("kafka.partitions", 1, 10_000),
                (short) s.integer("kafka.replication-factor", 1, 32), s.integer("kafka.embedded-port", 0, 65535),
                s.path("kafka.embedded-data-dir"), Map.copyOf(clientProperties));
        Topics topics;
        try {
            topics = new Topics(s.string("topics.prefix"));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("setting topics.prefix: " + e.getMessage());
        }
        FetchSettings fetch;
        try {
            fetch = new FetchSettings(s.string("ingest.user-agent"), s.duration("ingest.connect-timeout"),
                    s.duration("ingest.request-timeout"), s.longValue("ingest.max-body-bytes", 1024),
                    s.integer("ingest.max-redirects", 0, 20), s.duration("ingest.per-host-delay"));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("ingest settings: " + e.getMessage());
        }
        String instanceId = s.string("ingest.instance-id").isEmpty() ? hostName() : s.string("ingest.instance-id");
        if (!instanceId.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidConfigException("setting ingest.instance-id = '" + instanceId
                    + "' must be letters, digits, '.', '_' or '-' (it names transactional ids and the URL state directory)");
        }
        Ingest ingest = new Ingest(s.path("ingest.sources"), s.integer("ingest.threads", 1, 256), s.string("ingest.group-id"),
                instanceId, s.duration("ingest.max-crawl-delay"), fetch, s.path("ingest.state-dir"));
        String appId = s.string("processor.application-id");
        if (!appId.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidConfigException("setting processor.application-id = '" + appId
                    + "' must be letters, digits, '.', '_' or '-'");
        }
        Duration topicLimitsCheck = s.duration("processor.topic-limits-check");
        if (topicLimitsCheck.isNegative() || topicLimitsCheck.isZero()) {
            throw new InvalidConfigException("setting processor.topic-limits-check must be positive: " + topicLimitsCheck);
        }
        Processor processor = new Processor(appId, s.path("processor.taxonomy"), s.path("processor.state-dir"),
                s.integer("processor.threads", 0, 256), topicLimitsCheck);
        Console console = new Console(s.integer("console.dashboard-port", -1, 65535));
        return new KhabarConfig(kafka, topics, ingest, processor, console);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "local";
        }
    }
}
