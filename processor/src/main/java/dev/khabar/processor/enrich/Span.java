package dev.khabar.processor.enrich;

/** A piece of the article text: {@code text.equals(articleText.substring(start, end))}. */
public record Span(String text, int start, int end) {
}
