package dev.khabar.console.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.KafkaEndpoint;
import dev.khabar.console.runtime.TopicTail;
import dev.khabar.console.view.AnyRecordDecoder;
import dev.khabar.console.view.AvroJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints each record of a topic as one JSON line, decoded from Avro by its fingerprint. */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Print a topic's records as JSON lines.")
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "TOPIC", description = "topic name, e.g. news.enriched")
    String topic;

    @Option(names = "--from-beginning", description = "start at the oldest record instead of now")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", defaultValue = "-1", description = "stop after N records")
    long max;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = common.load();
        if (config.kafka().embedded()) {
            throw new IllegalArgumentException("watch needs a cluster: pass --bootstrap HOST:PORT");
        }
        AnyRecordDecoder decoder = new AnyRecordDecoder();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long[] seen = new long[1];
        try (KafkaEndpoint kafka = KafkaEndpoint.open(config);
             TopicTail tail = new TopicTail(kafka.bootstrap(), kafka.clientProperties(), List.of(topic), fromBeginning)) {
            Runtime.getRuntime().addShutdownHook(new Thread(tail::stop, "khabar-shutdown"));
            tail.run((t, r) -> {
                ObjectNode line;
                try {
                    line = AvroJson.toJson(decoder.decode(r.value()));
                } catch (IOException | RuntimeException e) {
                    line = AvroJson.MAPPER.createObjectNode().put("undecodable", e.getMessage());
                }
                line.put("_partition", r.partition()).put("_offset", r.offset());
                out.println(line);
                seen[0]++;
            }, () -> max >= 0 && seen[0] >= max);
        }
        return 0;
    }
}
