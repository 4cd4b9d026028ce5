package dev.khabar.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a sources YAML file:
 *
 * <pre>
 * sources:
 *   - id: seed-blog
 *     type: rss            # rss | atom | url
 *     url: https://example.org/feed/
 *     poll-interval: 10m   # optional: 30s, 10m, 1h or ISO-8601 (PT10M)
 *     allow-private: false # optional
 *     max-articles: 200    # optional
 *     follow-depth: 1      # optional: follow same-site "read more" links and outlinks this many hops
 *   - id: news-index
 *     type: listing        # also: sitemap, wordpress, url, atom
 *     url: https://example.org/news/
 *     link-selector: "h2.title a"
 *     next-selector: "a.next"
 *     max-pages: 5
 * </pre>
 *
 * A source may use {@code ${BASE}}-style placeholders that the caller resolves first (the demo
 * does this for its local site).
 */
public final class SourcesFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KNOWN = Set.of("id", "type", "url", "poll-interval", "allow-private",
            "max-articles", "link-selector", "next-selector", "max-pages", "follow-depth");

    private SourcesFile() {
    }

    public static List<Source> load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read sources file " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<Source> parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("sources");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(origin + ": expected a non-empty list under 'sources:'");
        }
        List<Source> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            String where = origin + ": sources[" + index++ + "]";
            Source source = toSource(node, where);
            if (!ids.add(source.id())) {
                throw new IllegalArgumentException(where + ": duplicate id '" + source.id() + "'");
            }
            sources.add(source);
        }
        return List.copyOf(sources);
    }

    private static Source toSource(JsonNode node, String where) {
        try {
            String id = require(node, "id", where);
            String type = require(node, "type", where);
            URI url = URI.create(require(node, "url", where).strip());
            Duration poll = node.hasNonNull("poll-interval") ? parseDuration(node.get("poll-interval").asText()) : null;
            boolean allowPrivate = node.path("allow-private").asBoolean(false);
            int max = node.path("max-articles").asInt(500);
            String links = node.path("link-selector").asText(null);
            String next = node.path("next-selector").asText(null);
            int pages = node.path("max-pages").asInt(10);
            int depth = node.path("follow-depth").asInt(0);
            for (var it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!KNOWN.contains(f)) {
                    throw new IllegalArgumentException("unknown setting '" + f + "'");
                }
            }
            return new Source(id, SourceType.parse(type), url, poll, allowPrivate, max, links, next, pages, depth);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String require(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": missing '" + field + "'");
        }
        return v.asText();
    }

    /** {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT10M}). */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        if (t.matches("\\d+(ms|s|m|h|d)")) {
            long n = Long.parseLong(t.replaceAll("\\D", ""));
            return switch (t.replaceAll("\\d", "")) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        throw new IllegalArgumentException("not a duration: '" + text + "' (use 30s, 10m, 2h, 1d or PT10M)");
    }
}
