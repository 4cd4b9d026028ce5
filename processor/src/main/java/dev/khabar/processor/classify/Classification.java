package dev.khabar.processor.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics of an article.
 *
 * @param labels category ids, best first
 * @param scores a score for every category that matched anything (positive or negative)
 * @param evidence the matched spans that explain each label
 * @param sections labels per section, when the article has headings; empty otherwise
 */
public record Classification(List<String> labels, Map<String, Double> scores, List<EvidenceSpan> evidence,
        List<SectionLabel> sections) {

    public Classification {
        labels = List.copyOf(labels);
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        evidence = List.copyOf(evidence);
        sections = List.copyOf(sections);
    }

    /** The evidence for one label. */
    public List<EvidenceSpan> evidenceFor(String label) {
        return evidence.stream().filter(e -> e.label().equals(label)).toList();
    }
}
