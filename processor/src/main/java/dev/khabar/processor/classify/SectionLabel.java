package dev.khabar.processor.classify;

import java.util.List;

/**
 * The labels of one section of a long article: a heading and the paragraphs up to the next
 * heading. {@code start} and {@code end} are offsets into the text; {@code heading} is empty
 * for the part before the first heading.
 */
public record SectionLabel(String heading, int start, int end, List<String> labels) {

    public SectionLabel {
        labels = List.copyOf(labels);
    }
}
