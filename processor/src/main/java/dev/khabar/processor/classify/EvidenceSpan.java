package dev.khabar.processor.classify;

/**
 * One reason for a label: a term of the category found in the article.
 *
 * @param label the category id
 * @param field {@code "title"}, {@code "lead"} or {@code "body"}; offsets are into the title for
 *     {@code "title"} and into the text otherwise, and {@code text} equals that substring
 * @param weight what it added to the score: positive for a term, negative for a negative term
 *     or context, 0 for a term that only satisfied a requirement
 */
public record EvidenceSpan(String label, String field, String text, int start, int end, double weight) {
}
