package dev.khabar.console.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.runtime.KafkaEndpoint;
import dev.khabar.console.runtime.TopicTail;
import dev.khabar.console.view.AnyRecordDecoder;
import dev.khabar.console.view.AvroJson;
import dev.khabar.console.view.PrettyRecord;
import dev.khabar.console.view.RecordFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints each record of a topic as one JSON line (or readably), decoded from Avro by its fingerprint. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Print a topic's records as JSON lines, decoded from Avro, from now or from the beginning.",
                "Filters keep records whose labels, language or sourceId match; --pretty shows articles readably."})
public final class WatchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "TOPIC", description = "topic name, e.g. news.enriched")
    String topic;

    @Option(names = "--from-beginning", description = "start at the oldest record instead of now")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", defaultValue = "-1", description = "stop after printing N records")
    long max;

    @Option(names = "--category", paramLabel = "ID", description = "only articles labelled ID, e.g. defence")
    String category;

    @Option(names = "--lang", paramLabel = "CODE", description = "only records in this language, e.g. hi")
    String language;

    @Option(names = "--source", paramLabel = "ID", description = "only records of this source id")
    String source;

    @Option(names = "--pretty", description = "readable: title, language, labels with their evidence highlighted, entities")
    boolean pretty;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour and bold in --pretty: auto (when on a terminal), always, never")
    String color;

    @Override
    public Integer call() throws Exception {
        KhabarConfig config = CommonOptions.requireCluster(common.load(), "watch");
        RecordFilter filter = new RecordFilter(category, language, source);
        PrettyRecord prettyRecord = new PrettyRecord(ansi());
        AnyRecordDecoder decoder = new AnyRecordDecoder();
        PrintWriter out = spec.commandLine().getOut();
        long[] shown = new long[1];
        try (KafkaEndpoint kafka = KafkaEndpoint.open(config);
             TopicTail tail = new TopicTail(kafka.bootstrap(), kafka.clientProperties(), List.of(topic), fromBeginning)) {
            Runtime.getRuntime().addShutdownHook(new Thread(tail::stop, "khabar-shutdown"));
            tail.run((t, r) -> {
                if (max >= 0 && shown[0] >= max) {
                    return; // the rest of the last poll's batch
                }
                ObjectNode line = decode(decoder, t.equals(config.topics().schemas()), r.key(), r.value());
                if (!filter.matches(line)) {
                    return;
                }
                if (pretty) {
                    out.println(prettyRecord.render(line));
                    out.println();
                } else {
                    line.put("_key", r.key()).put("_partition", r.partition()).put("_offset", r.offset());
                    out.println(line);
                }
                out.flush();
                shown[0]++;
            }, () -> max >= 0 && shown[0] >= max);
        }
        return 0;
    }

    /** An Avro record as JSON; on the schemas topic, the fingerprint and the schema (plain JSON there). */
    private static ObjectNode decode(AnyRecordDecoder decoder, boolean schemasTopic, String key, byte[] value) {
        try {
            if (schemasTopic) {
                ObjectNode o = AvroJson.MAPPER.createObjectNode().put("fingerprint", key);
                o.set("schema", value == null ? null : AvroJson.MAPPER.readTree(value));
                return o;
            }
            return AvroJson.toJson(decoder.decode(value));
        } catch (IOException | RuntimeException e) {
            return AvroJson.MAPPER.createObjectNode().put("undecodable", e.getMessage());
        }
    }

    private boolean ansi() {
        return switch (color) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null;
            default -> throw new IllegalArgumentException("--color must be auto, always or never: '" + color + "'");
        };
    }
}
