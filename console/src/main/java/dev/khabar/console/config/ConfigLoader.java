package dev.khabar.console.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the {@link KhabarConfig}: built-in defaults, then the YAML file, then {@code KHABAR_*}
 * environment variables, then command-line flags — each overriding the one before. Raw Kafka
 * client properties go under {@code kafka.properties} in the file (or {@code --kafka-property}).
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Object> clientProperties = new LinkedHashMap<>();

    public ConfigLoader() {
        for (Setting s : Setting.ALL) {
            values.put(s.key(), s.defaultValue());
        }
    }

    public ConfigLoader file(Path yaml) {
        if (yaml == null) {
            return this;
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(yaml));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // never echo the file's text: a malformed line may hold a password
            var at = e.getLocation();
            throw new InvalidConfigException("config file " + yaml + ": not valid YAML"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException e) {
            throw new InvalidConfigException("config file " + yaml + ": " + e.getMessage());
        }
        if (root == null) {
            return this;
        }
        flatten("", root, yaml.toString());
        return this;
    }

    private void flatten(String prefix, JsonNode node, String origin) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            if (key.equals("kafka.properties")) {
                f.getValue().fields().forEachRemaining(p -> clientProperties.put(p.getKey(), p.getValue().asText()));
            } else if (f.getValue().isObject()) {
                flatten(key, f.getValue(), origin);
            } else if (values.containsKey(key)) {
                values.put(key, f.getValue().isNull() ? "" : f.getValue().asText());
            } else {
                throw new InvalidConfigException(origin + ": unknown setting '" + key + "'");
            }
        }
    }

    public ConfigLoader environment(Map<String, String> env) {
        for (Setting s : Setting.ALL) {
            String v = env.get(s.envName());
            if (v != null) {
                values.put(s.key(), v);
            }
        }
        return this;
    }

    /** A command-line override; {@code value == null} leaves the setting alone. */
    public ConfigLoader flag(String key, Object value) {
        if (value != null) {
            Setting.require(key);
            values.put(key, value.toString());
        }
        return this;
    }

    public ConfigLoader clientProperty(String key, String value) {
        clientProperties.put(key, value);
        return this;
    }

    public KhabarConfig load() {
        return KhabarConfig.from(new Settings(values), clientProperties);
    }
}
