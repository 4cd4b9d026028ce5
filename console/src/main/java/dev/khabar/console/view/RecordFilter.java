package dev.khabar.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * {@code watch}'s filters on a decoded record: a category (one of its {@code labels}), a language
 * and a source id. A filter that is set keeps only records that have the field and match it, so
 * {@code --category defence} on {@code news.fetch-log} prints nothing rather than everything.
 */
public record RecordFilter(String category, String language, String source) {

    public static final RecordFilter NONE = new RecordFilter(null, null, null);

    public boolean matches(JsonNode record) {
        if (category != null && !hasLabel(record.path("labels"), category)) {
            return false;
        }
        if (language != null && !equalsIgnoreCase(record.path("language"), language)) {
            return false;
        }
        return source == null || equalsIgnoreCase(record.path("sourceId"), source);
    }

    private static boolean hasLabel(JsonNode labels, String wanted) {
        if (!labels.isArray()) {
            return false;
        }
        for (JsonNode l : labels) {
            if (l.asText().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsIgnoreCase(JsonNode node, String wanted) {
        return node.isTextual() && node.asText().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT));
    }
}
