package dev.khabar.processor.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.khabar.processor.classify.Category.Requirement;
import dev.khabar.processor.classify.Category.Term;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates the taxonomy YAML: every field known, every weight positive, parents defined. */
final class TaxonomyYaml {

    private static final Set<String> TOP_FIELDS = Set.of("settings", "contexts", "categories");
    private static final Set<String> SETTINGS_FIELDS = Set.of("title_weight", "lead_weight", "heading_weight",
            "body_weight", "lead_chars", "repeat_decay");
    private static final Set<String> CATEGORY_FIELDS = Set.of("id", "name", "description", "parent", "threshold",
            "min_distinct_terms", "key_term_weight", "passage_sentences", "terms", "negative", "exclude", "negative_contexts", "require",
            "presence");
    private static final Set<String> PRESENCE_FIELDS = Set.of("host", "elsewhere", "window", "terms", "datelines");
    private static final Set<String> REQUIREMENT_FIELDS = Set.of("name", "terms", "entities", "entity_types",
            "min_entities", "min_countries");

    private TaxonomyYaml() {
    }

    /** Reads a taxonomy file's text; throws {@link IllegalArgumentException} naming what is wrong. */
    static Taxonomy read(String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("taxonomy: not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("taxonomy: expected a mapping with 'categories'");
        }
        requireKnown(root, TOP_FIELDS, "taxonomy");
        ScoringSettings settings = settings(root.path("settings"));
        Map<String, List<Term>> contexts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> c : root.path("contexts").properties()) {
            contexts.put(c.getKey(), terms(c.getValue(), "context '" + c.getKey() + "'", true));
        }
        JsonNode list = root.path("categories");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("taxonomy: 'categories' must be a non-empty list");
        }
        List<Category> categories = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : list) {
            Category category = category(node, contexts.keySet());
            if (!ids.add(category.id())) {
                throw new IllegalArgumentException("taxonomy: category '" + category.id() + "' is defined twice");
            }
            categories.add(category);
        }
        checkParents(categories, ids);
        return new Taxonomy(settings, Map.copyOf(contexts), List.copyOf(categories));
    }

    private static Category category(JsonNode node, Set<String> contextNames) {
        String id = node.path("id").asText("");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("taxonomy: category id '" + id
                    + "' must be lower-case letters, digits and single hyphens (field 'id')");
        }
        String where = "category '" + id + "'";
        requireKnown(node, CATEGORY_FIELDS, where);
        double threshold = positive(node.path("threshold"), where, "threshold");
        int minDistinct = node.path("min_distinct_terms").asInt(1);
        if (minDistinct < 1) {
            throw new IllegalArgumentException("taxonomy: " + where + ": field 'min_distinct_terms' must be >= 1");
        }
        double keyTermWeight = node.has("key_term_weight") ? positive(node.get("key_term_weight"), where,
                "key_term_weight") : 0;
        int passageSentences = node.path("passage_sentences").asInt(0);
        if (passageSentences < 0 || passageSentences > 9 || node.has("passage_sentences")
                && !node.get("passage_sentences").isInt()) {
            throw new IllegalArgumentException("taxonomy: " + where + ": field 'passage_sentences' must be a whole"
                    + " number from 0 (off) to 9");
        }
        List<Term> terms = terms(node.path("terms"), where + ": field 'terms'", false);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("taxonomy: " + where + ": field 'terms' must list at least one term");
        }
        List<Term> negatives = terms(node.path("negative"), where + ": field 'negative'", true);
        List<String> excludes = strings(node.path("exclude"), where, "exclude");
        List<String> negativeContexts = strings(node.path("negative_contexts"), where, "negative_contexts");
        for (String c : negativeContexts) {
            if (!contextNames.contains(c)) {
                throw new IllegalArgumentException("taxonomy: " + where + ": field 'negative_contexts' names unknown"
                        + " context '" + c + "' (known: " + contextNames + ")");
            }
        }
        List<Requirement> requirements = new ArrayList<>();
        for (JsonNode r : node.path("require")) {
            requirements.add(requirement(r, where));
        }
        String parent = node.hasNonNull("parent") ? node.get("parent").asText() : null;
        Category.Presence presence = node.has("presence") ? presence(node.get("presence"), where) : null;
        return new Category(id, node.path("name").asText(id), node.path("description").asText(""), parent,
                threshold, minDistinct, keyTermWeight, passageSentences, terms, negatives, excludes, negativeContexts,
                List.copyOf(requirements), presence);
    }

    private static Category.Presence presence(JsonNode node, String where) {
        String here = where + ": field 'presence'";
        requireKnown(node, PRESENCE_FIELDS, here);
        String host = node.path("host").asText("");
        double elsewhere = node.path("elsewhere").asDouble(0);
        int window = node.path("window").asInt(120);
        if (host.isEmpty() || elsewhere < 0 || elsewhere > 1 || window < 1) {
            throw new IllegalArgumentException("taxonomy: " + here + " needs 'host' (an entity id), 'elsewhere' from 0"
                    + " to 1 and a positive 'window'");
        }
        List<Term> terms = terms(node.path("terms"), here + ".terms", false);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("taxonomy: " + here + " must list at least one term");
        }
        List<Term> datelines = node.has("datelines") ? terms(node.get("datelines"), here + ".datelines", false) : List.of();
        return new Category.Presence(host, elsewhere, window, terms, datelines);
    }

    private static Requirement requirement(JsonNode node, String where) {
        String name = node.path("name").asText("");
        String here = where + ": requirement '" + name + "'";
        if (name.isEmpty()) {
            throw new IllegalArgumentException("taxonomy: " + where + ": field 'require' has an entry without 'name'");
        }
        requireKnown(node, REQUIREMENT_FIELDS, here);
        List<Term> terms = terms(node.path("terms"), here + ": field 'terms'", true);
        Set<String> ids = Set.copyOf(strings(node.path("entities"), here, "entities"));
        Set<String> types = Set.copyOf(strings(node.path("entity_types"), here, "entity_types"));
        int min = node.path("min_entities").asInt(1);
        int countries = node.path("min_countries").asInt(0);
        if (terms.isEmpty() && ids.isEmpty() && types.isEmpty() && countries == 0) {
            throw new IllegalArgumentException("taxonomy: " + here
                    + " needs 'terms', 'entities', 'entity_types' or 'min_countries'");
        }
        if (min < 1 || countries < 0) {
            throw new IllegalArgumentException("taxonomy: " + here
                    + ": fields 'min_entities' must be >= 1 and 'min_countries' >= 0");
        }
        return new Requirement(name, terms, ids, types, min, countries);
    }

    /** {@code {lang: {term: weight}}} or {@code {lang: [term, ...]}} (weight 1). */
    private static List<Term> terms(JsonNode node, String where, boolean optional) {
        List<Term> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("taxonomy: " + where + " must map languages to terms");
        }
        for (Map.Entry<String, JsonNode> lang : node.properties()) {
            String language = lang.getKey();
            if (!language.matches("[a-z]{2,3}(-[A-Z][a-z]{3})?")) {
                throw new IllegalArgumentException("taxonomy: " + where + ": bad language key '" + language
                        + "' (use ISO 639-1, optionally with a script: hi, en, hi-Latn)");
            }
            JsonNode value = lang.getValue();
            if (value.isArray()) {
                for (JsonNode t : value) {
                    if (!t.isTextual()) {
                        throw new IllegalArgumentException("taxonomy: " + where + ": '" + language + "' has " + t
                                + ", not a term; quote terms YAML reads as booleans or numbers (\"on\", \"no\")");
                    }
                    out.add(term(t.asText(), language, 1.0, where));
                }
            } else if (value.isObject()) {
                for (Map.Entry<String, JsonNode> t : value.properties()) {
                    if (!t.getValue().isNumber() || !(t.getValue().asDouble() > 0)) {
                        throw new IllegalArgumentException("taxonomy: " + where + ": weight of '" + t.getKey()
                                + "' (" + language + ") must be a positive number, got " + t.getValue());
                    }
                    out.add(term(t.getKey(), language, t.getValue().asDouble(), where));
                }
            } else {
                throw new IllegalArgumentException("taxonomy: " + where + ": '" + language
                        + "' must be a list of terms or a map of term to weight");
            }
        }
        return List.copyOf(out);
    }

    private static Term term(String text, String language, double weight, String where) {
        if (text.isBlank() || dev.khabar.processor.clean.FoldedText.of(text.replace("*", "")).tokenCount() == 0) {
            throw new IllegalArgumentException("taxonomy: " + where + ": term '" + text + "' (" + language
                    + ") has no word in it");
        }
        return new Term(text.strip(), language, weight);
    }

    private static ScoringSettings settings(JsonNode node) {
        ScoringSettings d = ScoringSettings.DEFAULTS;
        if (node.isMissingNode()) {
            return d;
        }
        requireKnown(node, SETTINGS_FIELDS, "settings");
        ScoringSettings s = new ScoringSettings(
                node.has("title_weight") ? positive(node.get("title_weight"), "settings", "title_weight") : d.titleWeight(),
                node.has("lead_weight") ? positive(node.get("lead_weight"), "settings", "lead_weight") : d.leadWeight(),
                node.has("heading_weight") ? positive(node.get("heading_weight"), "settings", "heading_weight")
                        : d.headingWeight(),
                node.has("body_weight") ? positive(node.get("body_weight"), "settings", "body_weight") : d.bodyWeight(),
                node.has("lead_chars") ? (int) positive(node.get("lead_chars"), "settings", "lead_chars") : d.leadChars(),
                node.has("repeat_decay") ? positive(node.get("repeat_decay"), "settings", "repeat_decay")
                        : d.repeatDecay());
        if (s.repeatDecay() > 1) {
            throw new IllegalArgumentException("taxonomy: settings: field 'repeat_decay' must be in (0, 1]");
        }
        return s;
    }

    private static void checkParents(List<Category> categories, Set<String> ids) {
        Map<String, String> parentOf = new LinkedHashMap<>();
        for (Category c : categories) {
            if (c.parent() != null && !ids.contains(c.parent())) {
                throw new IllegalArgumentException("taxonomy: category '" + c.id() + "': field 'parent' names unknown"
                        + " category '" + c.parent() + "'");
            }
            parentOf.put(c.id(), c.parent());
        }
        for (String id : parentOf.keySet()) {
            Set<String> seen = new HashSet<>();
            for (String p = id; p != null; p = parentOf.get(p)) {
                if (!seen.add(p)) {
                    throw new IllegalArgumentException("taxonomy: category '" + id + "': field 'parent' makes a cycle");
                }
            }
        }
    }

    private static double positive(JsonNode node, String where, String field) {
        if (node == null || !node.isNumber() || !(node.asDouble() > 0)) {
            throw new IllegalArgumentException("taxonomy: " + where + ": field '" + field
                    + "' must be a positive number, got " + (node == null || node.isMissingNode() ? "nothing" : node));
        }
        return node.asDouble();
    }

    private static List<String> strings(JsonNode node, String where, String field) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("taxonomy: " + where + ": field '" + field + "' must be a list");
        }
        node.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static void requireKnown(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw new IllegalArgumentException("taxonomy: " + where + ": unknown field '" + f + "' (known: "
                        + known.stream().sorted().toList() + ")");
            }
        });
    }
}
