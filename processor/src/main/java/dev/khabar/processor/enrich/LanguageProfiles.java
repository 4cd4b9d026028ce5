package dev.khabar.processor.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.khabar.processor.clean.MatchKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Function-word profiles per script and language, and stop words, from
 * {@code dev/khabar/processor/languages.yaml}. Words are stored as matching keys.
 */
record LanguageProfiles(Map<String, Map<String, Set<String>>> profiles, Map<String, Set<String>> stopwords) {

    private static final String RESOURCE = "/dev/khabar/processor/languages.yaml";

    static LanguageProfiles defaults() {
        return Holder.DEFAULT;
    }

    private static final class Holder {
        static final LanguageProfiles DEFAULT = load();
    }

    /** The profiles of one script ("Latin"), language → words; empty if none. */
    Map<String, Set<String>> forScript(String script) {
        return profiles.getOrDefault(script, Map.of());
    }

    /** Stop words of {@code language}: its stop list plus its profile words in every script. */
    Set<String> stopwordsOf(String language) {
        Set<String> words = new HashSet<>(stopwords.getOrDefault(language, Set.of()));
        profiles.values().forEach(byLanguage -> words.addAll(byLanguage.getOrDefault(language, Set.of())));
        return words;
    }

    private static LanguageProfiles load() {
        try (InputStream in = LanguageProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Map<String, Set<String>>> profiles = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> script : root.path("profiles").properties()) {
                profiles.put(script.getKey(), wordLists(script.getValue()));
            }
            return new LanguageProfiles(profiles, wordLists(root.path("stopwords")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Set<String>> wordLists(JsonNode node) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> language : node.properties()) {
            Set<String> words = new HashSet<>();
            for (JsonNode w : language.getValue()) {
                if (!w.isTextual()) {
                    throw new IllegalStateException(RESOURCE + ": '" + language.getKey() + "' has " + w
                            + ", not a word; quote words YAML reads as booleans or numbers (\"on\", \"no\")");
                }
                words.add(MatchKey.of(w.asText()));
            }
            out.put(language.getKey(), Set.copyOf(words));
        }
        return out;
    }
}
