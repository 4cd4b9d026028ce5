package dev.khabar.console.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.console.view.EvidenceSnippet;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.Entity;
import java.util.List;

/**
 * What the dashboard shows of one enriched article: title (with its language, for the page's
 * {@code lang} attribute), labels and scores, each label's evidence as a highlighted snippet,
 * entities, and where it came from. The body text stays on Kafka.
 */
final class ArticleCard {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int SNIPPETS_PER_LABEL = 2;
    private static final int ENTITIES = 12;
    private static final int SUMMARY_CHARS = 280;

    private ArticleCard() {
    }

    static ObjectNode of(EnrichedArticle a) {
        ObjectNode o = F.objectNode();
        o.put("id", a.getId());
        o.put("version", a.getVersion());
        o.put("title", a.getTitle());
        o.put("language", a.getLanguage());
        o.put("script", a.getScript());
        o.put("url", a.getUrl());
        o.put("sourceId", a.getSourceId());
        o.put("published", a.getPublished() == null ? null : a.getPublished().toString());
        o.put("processedAt", a.getProcessedAt().toString());
        o.put("duplicateOf", a.getDuplicateOf());
        String summary = a.getSummary();
        o.put("summary", summary.length() > SUMMARY_CHARS ? summary.substring(0, SUMMARY_CHARS - 1) + "…" : summary);
        ArrayNode labels = o.putArray("labels");
        ObjectNode scores = o.putObject("scores");
        for (String label : a.getLabels()) {
            labels.add(label);
            Double score = a.getScores().get(label);
            scores.put(label, score == null ? 0 : Math.round(score * 100) / 100.0);
        }
        ArrayNode evidence = o.putArray("evidence");
        for (String label : a.getLabels()) {
            List<EvidenceSnippet.Span> spans = a.getEvidence().stream().filter(e -> e.getLabel().equals(label))
                    .map(e -> new EvidenceSnippet.Span(e.getField(), e.getText(), e.getStart(), e.getEnd())).toList();
            for (EvidenceSnippet s : EvidenceSnippet.of(label, spans, a.getTitle(), a.getText(), SNIPPETS_PER_LABEL)) {
                ObjectNode item = evidence.addObject().put("label", label).put("field", s.field());
                ArrayNode parts = item.putArray("parts");
                s.parts().forEach(p -> parts.addObject().put("text", p.text()).put("match", p.match()));
            }
        }
        ArrayNode entities = o.putArray("entities");
        for (Entity e : a.getEntities()) {
            if (entities.size() == ENTITIES) {
                break;
            }
            entities.addObject().put("name", e.getName()).put("nameHi", e.getNameHi()).put("type", e.getType())
                    .put("mentions", e.getMentions().size());
        }
        return o;
    }
}
