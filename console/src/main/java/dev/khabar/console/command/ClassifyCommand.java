package dev.khabar.console.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.console.view.AvroJson;
import dev.khabar.processor.classify.Classification;
import dev.khabar.processor.classify.EvidenceSpan;
import dev.khabar.processor.classify.SectionLabel;
import dev.khabar.processor.classify.Taxonomy;
import dev.khabar.processor.classify.TopicClassifier;
import dev.khabar.processor.clean.TextCleaner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The processor's classifier offline: JSON lines in, one JSON line of labels out per input. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Read {\"id\",\"title\",\"text\",\"lang\"?} JSON lines on stdin; write "
                + "{\"id\",\"labels\",\"scores\",\"evidence\",\"sections\"} per line.")
public final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "taxonomy YAML (default: the built-in one)")
    Path taxonomy;

    @Override
    public Integer call() throws Exception {
        TopicClassifier classifier = new TopicClassifier(taxonomy == null ? Taxonomy.defaults() : Taxonomy.load(taxonomy));
        TextCleaner cleaner = TextCleaner.defaults();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int bad = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode result = AvroJson.MAPPER.createObjectNode();
                try {
                    JsonNode item = AvroJson.MAPPER.readTree(line);
                    result.set("id", item.get("id"));
                    String lang = item.hasNonNull("lang") ? item.get("lang").asText() : null;
                    Classification c = classifier.classify(cleaner.clean(item.path("title").asText("")),
                            cleaner.clean(item.path("text").asText("")), lang);
                    write(result, c);
                } catch (Exception e) {
                    bad++;
                    result.put("line", n);
                    result.put("error", e.getMessage());
                }
                out.println(AvroJson.MAPPER.writeValueAsString(result));
            }
        }
        out.flush();
        return bad == 0 ? 0 : 3;
    }

    static void write(ObjectNode result, Classification c) {
        ArrayNode labels = result.putArray("labels");
        c.labels().forEach(labels::add);
        ObjectNode scores = result.putObject("scores");
        c.scores().forEach((k, v) -> scores.put(k, Math.round(v * 10_000) / 10_000.0));
        ObjectNode evidence = result.putObject("evidence");
        for (EvidenceSpan s : c.evidence()) {
            ObjectNode e = (evidence.has(s.label()) ? (ArrayNode) evidence.get(s.label()) : evidence.putArray(s.label()))
                    .addObject();
            e.put("field", s.field()).put("text", s.text()).put("start", s.start()).put("end", s.end())
                    .put("weight", s.weight());
        }
        ArrayNode sections = result.putArray("sections");
        for (SectionLabel s : c.sections()) {
            ObjectNode section = sections.addObject().put("heading", s.heading()).put("start", s.start()).put("end", s.end());
            s.labels().forEach(section.putArray("labels")::add);
        }
    }
}
