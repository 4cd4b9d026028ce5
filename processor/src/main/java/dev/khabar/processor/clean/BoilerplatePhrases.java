package dev.khabar.processor.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lines that {@link TextCleaner} removes as leftover page furniture: share, subscribe,
 * comment-form, translate and cookie text.
 *
 * <p>{@code lines} are whole lines: a text line is removed when its {@link MatchKey matching key}
 * (case, punctuation and Hindi spelling variants folded away) equals one of them, so
 * {@code "Share this:"} also removes {@code "SHARE THIS"}. {@code prefixes} remove short lines
 * (up to {@value #PREFIX_LINE_MAX} characters) that start with them, such as cookie banners and
 * "read also: ..." links.
 *
 * <p>An operator extends the list with a YAML file ({@code lines:} and {@code prefixes:}) or a
 * plain file of one phrase per line, where {@code #} starts a comment and a phrase ending in
 * {@code ...} or {@code …} is a prefix.
 */
public record BoilerplatePhrases(List<String> lines, List<String> prefixes) {

    /** Longest line that a prefix phrase removes. */
    public static final int PREFIX_LINE_MAX = 400;

    private static final String RESOURCE = "/dev/khabar/processor/boilerplate.yaml";
    private static final Pattern YAML_KEY = Pattern.compile("(?m)^(lines|prefixes)\\s*:");

    public BoilerplatePhrases {
        lines = List.copyOf(lines);
        prefixes = List.copyOf(prefixes);
    }

    /** The built-in list (Hindi and English, a few other languages). */
    public static BoilerplatePhrases defaults() {
        try (InputStream in = BoilerplatePhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This list plus {@code extra} phrases (a phrase ending in {@code ...} is a prefix). */
    public BoilerplatePhrases plus(Collection<String> extra) {
        List<String> l = new ArrayList<>(lines);
        List<String> p = new ArrayList<>(prefixes);
        for (String phrase : extra) {
            addPlain(phrase, l, p);
        }
        return new BoilerplatePhrases(l, p);
    }

    /**
     * Reads phrases from YAML ({@code lines: [...]}, {@code prefixes: [...]}) or plain lines.
     *
     * @throws IllegalArgumentException when the YAML is malformed
     */
    public static BoilerplatePhrases load(InputStream yamlOrLines) {
        String content;
        try {
            content = new String(yamlOrLines.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> l = new ArrayList<>();
        List<String> p = new ArrayList<>();
        if (YAML_KEY.matcher(content).find()) {
            readYaml(content, l, p);
        } else {
            content.lines().forEach(line -> addPlain(line, l, p));
        }
        return new BoilerplatePhrases(l, p);
    }

    private static void readYaml(String content, List<String> l, List<String> p) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("boilerplate phrases: not valid YAML: " + e.getMessage(), e);
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            List<String> target = switch (field.getKey()) {
                case "lines" -> l;
                case "prefixes" -> p;
                default -> throw new IllegalArgumentException(
                        "boilerplate phrases: unknown key '" + field.getKey() + "' (expected lines, prefixes)");
            };
            JsonNode list = field.getValue();
            if (!list.isArray()) {
                throw new IllegalArgumentException("boilerplate phrases: '" + field.getKey() + "' must be a list");
            }
            for (JsonNode item : list) {
                if (!item.isTextual() || FoldedText.of(item.asText()).tokenCount() == 0) {
                    throw new IllegalArgumentException("boilerplate phrases: '" + field.getKey()
                            + "' has an entry without words: " + item);
                }
                target.add(item.asText().strip());
            }
        }
    }

    private static void addPlain(String raw, List<String> l, List<String> p) {
        String phrase = raw.strip();
        if (phrase.isEmpty() || phrase.startsWith("#")) {
            return;
        }
        if (phrase.endsWith("...") || phrase.endsWith("…")) {
            p.add(phrase.replaceAll("(\\.\\.\\.|…)$", "").strip());
        } else {
            l.add(phrase);
        }
    }
}
