package dev.khabar.schemas;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Khabar's topic names, all derived from one configurable prefix (default {@code news.}).
 *
 * <p>Values are Avro single-object encoded: {@link RawArticle} on {@link #raw()},
 * {@link EnrichedArticle} on {@link #clean()}, {@link #enriched()} and every
 * {@link #category(String)}, {@link DeadLetter} on {@link #dlq()}. Keys are article ids
 * ({@link ArticleIds}) except on {@link #frontier()}, which is keyed by host.
 */
public record Topics(String prefix) {

    public static final String DEFAULT_PREFIX = "news.";
    private static final Pattern CATEGORY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isEmpty() && !prefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("topic prefix has characters Kafka does not allow: '" + prefix + "'");
        }
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_PREFIX);
    }

    public String frontier() { return prefix + "frontier"; }
    public String raw() { return prefix + "raw"; }
    public String clean() { return prefix + "clean"; }
    public String enriched() { return prefix + "enriched"; }
    public String dlq() { return prefix + "dlq"; }
    public String stats() { return prefix + "stats"; }
    public String fetchLog() { return prefix + "fetch-log"; }
    public String schemas() { return prefix + "schemas"; }
    public String ingestState() { return prefix + "ingest-state"; }
    /** Compacted: near-duplicate fingerprints of processed articles, read back as a global store. */
    public String fingerprints() { return prefix + "fingerprints"; }

    /** {@code news.category.<id>}; ids are lower-case letters, digits and dashes. */
    public String category(String categoryId) {
        String id = categoryId.toLowerCase(Locale.ROOT);
        if (!CATEGORY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("category id must match " + CATEGORY_ID + ": '" + categoryId + "'");
        }
        return prefix + "category." + id;
    }

    /** The fixed topics (not the per-category ones), in pipeline order. */
    public List<String> fixed() {
        return List.of(frontier(), raw(), clean(), enriched(), dlq(), stats(), fetchLog(), schemas(), ingestState(), fingerprints());
    }
}
