package dev.khabar.console.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.console.config.KhabarConfig;
import dev.khabar.console.dashboard.DeadLetterLog;
import dev.khabar.console.dashboard.DeadLetterView;
import dev.khabar.console.runtime.KafkaEndpoint;
import dev.khabar.console.view.AnyRecordDecoder;
import dev.khabar.schemas.DeadLetter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Dead letters: list them, inspect one, replay selected ones to their input topic after a fix. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "List, inspect and replay dead letters (records a stage could not handle).",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Replay.class})
public final class DlqCommand implements Runnable {

    /** Dead letters written before {@code originalSize} existed cut their original value at 1 MiB. */
    static final int TRUNCATED_AT = 1024 * 1024;
    static final String REPLAYED_FROM = "khabar.replayed-from";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand needs: the cluster and the DLQ on it. */
    abstract static class DlqAction implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            KhabarConfig config = CommonOptions.requireCluster(common.load(), "dlq");
            try (KafkaEndpoint kafka = KafkaEndpoint.open(config)) {
                DeadLetterLog log = new DeadLetterLog(kafka.bootstrap(), kafka.clientProperties(), config.topics().dlq());
                return run(kafka, log, spec.commandLine().getOut());
            }
        }

        abstract int run(KafkaEndpoint kafka, DeadLetterLog log, PrintWriter out) throws Exception;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List dead letters: position, time, stage, error, input.")
    static final class ListLetters extends DlqAction {
        @Option(names = "--stage", paramLabel = "STAGE", description = "only this stage, e.g. deserialize")
        String stage;

        @Option(names = "--json", description = "one JSON object per dead letter")
        boolean json;

        @Override
        int run(KafkaEndpoint kafka, DeadLetterLog log, PrintWriter out) {
            int[] n = {0};
            if (!json) {
                out.printf("%-9s %-24s %-12s %-28s %-28s %s%n", "POSITION", "FAILED-AT", "STAGE", "ERROR", "INPUT", "MESSAGE");
            }
            log.read(e -> {
                if (e.letter() == null || (stage != null && !stage.equals(e.letter().getStage()))) {
                    return;
                }
                ObjectNode s = DeadLetterView.summary(e.letter(), e.partition(), e.offset());
                n[0]++;
                if (json) {
                    out.println(s);
                    return;
                }
                String error = s.path("errorClass").asText().replaceFirst("^.*\\.", "");
                String input = s.path("inputTopic").asText("?") + "-" + s.path("inputPartition").asText("?") + "@"
                        + s.path("inputOffset").asText("?");
                String message = s.path("message").asText().replace('\n', ' ');
                out.printf("%-9s %-24s %-12s %-28s %-28s %s%n", e.position(), s.path("failedAt").asText(), e.letter().getStage(),
                        error, input, message.length() > 100 ? message.substring(0, 99) + "…" : message);
            });
            if (!json) {
                out.printf("%d dead letter(s)%n", n[0]);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one dead letter in full, with its original value decoded if it is a Khabar record.")
    static final class Show extends DlqAction {
        @Parameters(paramLabel = "POSITION", description = "PARTITION:OFFSET as `dlq list` prints it (OFFSET alone when the DLQ has one partition)")
        String position;

        @Override
        int run(KafkaEndpoint kafka, DeadLetterLog log, PrintWriter out) throws Exception {
            String wanted = normalise(position, log);
            DeadLetterLog.Entry[] found = new DeadLetterLog.Entry[1];
            log.read(e -> {
                if (e.position().equals(wanted)) {
                    found[0] = e;
                }
            });
            if (found[0] == null) {
                throw new IllegalArgumentException("no record at " + wanted + " on the DLQ");
            }
            if (found[0].letter() == null) {
                throw new IllegalArgumentException("the record at " + wanted + " is not a dead letter: " + found[0].undecodable());
            }
            DeadLetterLog.Entry e = found[0];
            ObjectNode detail = DeadLetterView.detail(e.letter(), e.partition(), e.offset(), new AnyRecordDecoder());
            out.println(detail.toPrettyString());
            out.flush();
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Send selected dead letters' original key and value back to their input topic (after a fix).",
                    "The dead letters stay on the DLQ; each replayed record carries a header " + REPLAYED_FROM + "."})
    static final class Replay extends DlqAction {
        @Parameters(paramLabel = "POSITION", arity = "0..*", description = "PARTITION:OFFSET of each dead letter to replay")
        List<String> positions = new ArrayList<>();

        @Option(names = "--stage", paramLabel = "STAGE", description = "every dead letter of this stage")
        String stage;

        @Option(names = "--all", description = "every dead letter")
        boolean all;

        @Option(names = "--dry-run", description = "print what would be replayed, send nothing")
        boolean dryRun;

        @Override
        int run(KafkaEndpoint kafka, DeadLetterLog log, PrintWriter out) throws Exception {
            if (positions.isEmpty() && stage == null && !all) {
                throw new IllegalArgumentException("say what to replay: POSITION..., --stage STAGE or --all");
            }
            Set<String> wanted = new LinkedHashSet<>();
            for (String p : positions) {
                wanted.add(normalise(p, log));
            }
            List<DeadLetterLog.Entry> chosen = new ArrayList<>();
            log.read(e -> {
                if (e.letter() != null && (all || wanted.contains(e.position())
                        || (stage != null && stage.equals(e.letter().getStage())))) {
                    chosen.add(e);
                }
            });
            chosen.forEach(e -> wanted.remove(e.position()));
            for (String missing : wanted) {
                out.println("not found: " + missing);
            }
            int replayed = 0;
            int skipped = 0;
            try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer(kafka)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (DeadLetterLog.Entry e : chosen) {
                    DeadLetter d = e.letter();
                    String why = unreplayable(d);
                    if (why != null) {
                        out.printf("skipped %s: %s%n", e.position(), why);
                        skipped++;
                        continue;
                    }
                    byte[] key = DeadLetterView.bytes(d.getKey());
                    byte[] value = DeadLetterView.bytes(d.getOriginalValue());
                    String keyText = key == null ? "no key" : "key " + new String(key, StandardCharsets.UTF_8);
                    out.printf("%s %s → %s (%s, %d bytes, failed in %s)%n", dryRun ? "would replay" : "replayed",
                            e.position(), d.getInputTopic(), keyText, value.length, d.getStage());
                    if (producer != null) {
                        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(d.getInputTopic(), key, value);
                        r.headers().add(REPLAYED_FROM, (log.topic() + ":" + e.position()).getBytes(StandardCharsets.UTF_8));
                        sent.add(producer.send(r));
                    }
                    replayed++;
                }
                for (Future<RecordMetadata> f : sent) {
                    f.get(30, TimeUnit.SECONDS);
                }
            }
            out.printf("%d %s, %d skipped%n", replayed, dryRun ? "to replay" : "replayed", skipped);
            out.flush();
            return wanted.isEmpty() ? 0 : 1;
        }

        static String unreplayable(DeadLetter d) {
            if (d.getInputTopic() == null) {
                return "no input topic recorded";
            }
            if (d.getOriginalValue() == null) {
                return "no original value recorded";
            }
            int kept = d.getOriginalValue().remaining();
            if (d.getOriginalSize() != null ? d.getOriginalSize() > kept : kept >= TRUNCATED_AT) {
                return d.getOriginalSize() != null
                        ? String.format("the original value was cut at %,d of its %,d bytes", kept, d.getOriginalSize())
                        : "the original value was cut at 1 MiB";
            }
            return null;
        }

        private static KafkaProducer<byte[], byte[]> producer(KafkaEndpoint kafka) {
            Map<String, Object> props = new HashMap<>(kafka.clientProperties());
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "khabar-dlq-replay");
            return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }
    }

    /** {@code P:O} stays; a bare offset means partition 0 when the DLQ has a single partition. */
    static String normalise(String position, DeadLetterLog log) {
        String p = position.strip();
        if (p.matches("\\d+:\\d+")) {
            return p;
        }
        if (p.matches("\\d+")) {
            int partitions = log.partitions();
            if (partitions == 1) {
                return "0:" + p;
            }
            throw new IllegalArgumentException("the DLQ has " + partitions + " partitions: give PARTITION:OFFSET as `dlq list` "
                    + "prints it, not '" + position + "'");
        }
        throw new IllegalArgumentException("a dead letter's position is PARTITION:OFFSET, e.g. 0:12, not '" + position + "'");
    }
}
