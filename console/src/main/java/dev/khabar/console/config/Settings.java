package dev.khabar.console.config;

import dev.khabar.ingest.source.SourcesFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Typed reads of the merged string values; a bad value is an error naming its setting. */
final class Settings {

    private final Map<String, String> values;

    Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    String string(String key) {
        return values.get(key).strip();
    }

    int integer(String key, int min, int max) {
        try {
            int v = Integer.parseInt(string(key));
            if (v < min || v > max) {
                throw bad(key, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(key, "is not a whole number");
        }
    }

    long longValue(String key, long min) {
        try {
            long v = Long.parseLong(string(key));
            if (v < min) {
                throw bad(key, "must be at least " + min);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(key, "is not a whole number");
        }
    }

    Duration duration(String key) {
        try {
            return SourcesFile.parseDuration(string(key));
        } catch (RuntimeException e) {
            throw bad(key, "is not a duration (use 500ms, 30s, 10m, 1h)");
        }
    }

    /** A path, or null when the setting is empty. */
    Path path(String key) {
        String v = string(key);
        return v.isEmpty() ? null : Path.of(v);
    }

    private InvalidConfigException bad(String key, String why) {
        Setting s = Setting.require(key);
        return new InvalidConfigException("setting " + key + " (" + s.envName() + ") = '" + values.get(key) + "' " + why);
    }
}
