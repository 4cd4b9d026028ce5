package dev.khabar.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The Admin-client calls the embedded broker makes on itself: readiness and topic creation. */
final class BrokerAdmin implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration MAX_CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;

    BrokerAdmin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "khabar-embedded-kafka");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) MAX_CALL_TIMEOUT.toMillis());
        this.admin = Admin.create(props);
    }

    /**
     * Waits until the broker answers {@code describeCluster} with itself in the node list: it is then
     * unfenced and topics can be created on it.
     *
     * @throws TimeoutException at the deadline, with the last failure as its cause
     */
    void awaitServing(long deadlineNanos) throws TimeoutException, InterruptedException {
        Throwable lastFailure = null;
        while (true) {
            try {
                DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs(callTimeoutMs(deadlineNanos));
                if (!admin.describeCluster(options).nodes().get().isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                lastFailure = e.getCause();
            }
            pauseBefore(deadlineNanos, lastFailure);
        }
    }

    /**
     * Creates the topics that do not exist yet (one replica each) and waits until every partition of
     * every named topic has a leader. Existing topics are left as they are, whatever their partition count.
     */
    void createTopics(int partitions, Collection<String> names, long deadlineNanos)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        for (KafkaFuture<Void> created : admin.createTopics(topics).values().values()) {
            try {
                created.get(callTimeoutMs(deadlineNanos), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        awaitLeaders(names, deadlineNanos);
    }

    /** The controller answers CreateTopics before the broker's metadata cache has caught up. */
    private void awaitLeaders(Collection<String> names, long deadlineNanos)
            throws ExecutionException, TimeoutException, InterruptedException {
        Throwable lastFailure = null;
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                        .get(callTimeoutMs(deadlineNanos), TimeUnit.MILLISECONDS);
                if (descriptions.values().stream().allMatch(BrokerAdmin::allPartitionsLed)) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                lastFailure = e.getCause();
            }
            pauseBefore(deadlineNanos, lastFailure);
        }
    }

    private static boolean allPartitionsLed(TopicDescription topic) {
        return topic.partitions().stream()
                .map(TopicPartitionInfo::leader)
                .allMatch(leader -> leader != null && !leader.isEmpty());
    }

    private static int callTimeoutMs(long deadlineNanos) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        return (int) Math.max(1, Math.min(remaining, MAX_CALL_TIMEOUT.toMillis()));
    }

    private static void pauseBefore(long deadlineNanos, Throwable lastFailure)
            throws TimeoutException, InterruptedException {
        if (System.nanoTime() - deadlineNanos >= 0) {
            TimeoutException timeout = new TimeoutException(
                    lastFailure == null ? "timed out" : "timed out; last failure: " + lastFailure);
            timeout.initCause(lastFailure);
            throw timeout;
        }
        Thread.sleep(POLL_INTERVAL.toMillis());
    }

    @Override
    public void close() {
        admin.close(MAX_CALL_TIMEOUT);
    }
}
