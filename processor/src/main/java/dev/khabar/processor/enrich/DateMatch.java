package dev.khabar.processor.enrich;

import java.time.LocalDate;

/** A calendar date written in the text ({@code "19/ जून बुधवार"}), normalised to {@code date}. */
public record DateMatch(String text, LocalDate date, int start, int end) {
}
