package dev.khabar.console.command;

import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.KafkaEndpoint;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Khabar's topics with partitions and record counts (end offsets). */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "List Khabar's topics, partitions and end offsets.")
public final class TopicsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = common.load();
        if (config.kafka().embedded()) {
            throw new IllegalArgumentException("topics needs a cluster: pass --bootstrap HOST:PORT");
        }
        try (KafkaEndpoint kafka = KafkaEndpoint.open(config); Admin admin = kafka.admin()) {
            TreeSet<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(config.topics().prefix()))
                    .collect(Collectors.toCollection(TreeSet::new));
            Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = d.values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
            System.out.printf("%-36s %10s %12s%n", "TOPIC", "PARTITIONS", "END-OFFSETS");
            for (String name : names) {
                long total = ends.entrySet().stream().filter(e -> e.getKey().topic().equals(name))
                        .mapToLong(e -> e.getValue().offset()).sum();
                System.out.printf("%-36s %10d %12d%n", name, d.get(name).partitions().size(), total);
            }
        }
        return 0;
    }
}
