package dev.khabar.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code watch --pretty}: an article as a few readable lines — title, language, labels with the
 * words that earned them highlighted, entities — and any other record as {@code field: value}
 * lines. With {@code ansi} the highlights are bold and coloured; without (not a terminal) the
 * evidence is marked {@code »like this«}.
 */
public final class PrettyRecord {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String HIGHLIGHT = "\u001b[1;33m";
    private static final String[] LABEL_COLOURS = {"\u001b[36m", "\u001b[35m", "\u001b[32m", "\u001b[34m", "\u001b[31m"};
    private static final int MAX_EVIDENCE_PER_LABEL = 2;
    private static final int MAX_ENTITIES = 8;

    private final boolean ansi;

    public PrettyRecord(boolean ansi) {
        this.ansi = ansi;
    }

    public String render(JsonNode r) {
        return r.has("title") && r.has("labels") ? article(r) : generic(r);
    }

    private String article(JsonNode a) {
        StringBuilder out = new StringBuilder();
        out.append(style(BOLD, a.path("title").asText())).append('\n');
        out.append("  ").append(style(DIM, String.join(" · ", List.of(a.path("language").asText(),
                a.path("sourceId").asText(), "v" + a.path("version").asInt(1), a.path("published").asText("-")))))
                .append('\n');
        JsonNode labels = a.path("labels");
        if (labels.isEmpty()) {
            out.append("  labels: ").append(style(DIM, "none")).append('\n');
        }
        int colour = 0;
        for (JsonNode label : labels) {
            String id = label.asText();
            String c = LABEL_COLOURS[colour++ % LABEL_COLOURS.length];
            out.append("  ").append(style(c + BOLD, id));
            JsonNode score = a.path("scores").path(id);
            if (score.isNumber()) {
                out.append(String.format(Locale.ROOT, " %.2f", score.asDouble()));
            }
            out.append('\n');
            List<EvidenceSnippet.Span> spans = new ArrayList<>();
            for (JsonNode e : a.path("evidence")) {
                if (e.path("label").asText().equals(id)) {
                    spans.add(new EvidenceSnippet.Span(e.path("field").asText(), e.path("text").asText(),
                            e.path("start").asInt(-1), e.path("end").asInt(-1)));
                }
            }
            for (EvidenceSnippet s : EvidenceSnippet.of(id, spans, a.path("title").asText(), a.path("text").asText(null),
                    MAX_EVIDENCE_PER_LABEL)) {
                out.append("    ").append(style(DIM, s.field() + ": "));
                s.parts().forEach(p -> out.append(p.match() ? highlight(p.text()) : p.text()));
                out.append('\n');
            }
        }
        List<String> entities = new ArrayList<>();
        for (JsonNode e : a.path("entities")) {
            if (entities.size() == MAX_ENTITIES) {
                entities.add("…");
                break;
            }
            String hi = e.path("nameHi").isTextual() ? " / " + e.path("nameHi").asText() : "";
            entities.add(e.path("name").asText() + hi + style(DIM, " (" + e.path("type").asText() + ")"));
        }
        if (!entities.isEmpty()) {
            out.append("  entities: ").append(String.join(", ", entities)).append('\n');
        }
        out.append("  ").append(style(DIM, a.path("url").asText()));
        return out.toString();
    }

    private String generic(JsonNode r) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonNode> f : r.properties()) {
            String value = f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString();
            if (value.length() > 160) {
                value = value.substring(0, 159) + "…";
            }
            out.append(out.isEmpty() ? "" : "\n  ").append(style(BOLD, f.getKey())).append(": ").append(value);
        }
        return out.toString();
    }

    private String highlight(String s) {
        return ansi ? HIGHLIGHT + s + RESET : "»" + s + "«";
    }

    private String style(String code, String s) {
        return ansi ? code + s + RESET : s;
    }
}
