package dev.khabar.processor.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Known entities with their names in several scripts, read from a TSV file
 * ({@code dev/khabar/processor/gazetteer.tsv}):
 * <pre>id  type  name  name_hi  aliases  context  country</pre>
 * {@code aliases} are separated by {@code |}. An alias starting with {@code ~} is a short form
 * ("Kim", "किम") that counts only when the same text also has a full name of the entity or
 * mentions one of its {@code context} entities (comma-separated ids). An alias starting with
 * {@code =} matches only with exactly that capitalisation ("=UN" is not the French "un"). The
 * {@code name} and {@code name_hi} are aliases too, unless the row lists them with {@code ~} or
 * {@code =} ("Niger" with "=Niger" is the country, not niger seed).
 * {@code country} is the country a person, city or national body belongs to.
 */
public final class Gazetteer {

    private static final String RESOURCE = "/dev/khabar/processor/gazetteer.tsv";
    private static final Set<String> TYPES = Set.of("person", "country", "city", "organisation", "thing");

    /** One entity; {@code country} is empty when none applies (organisations, things). */
    public record Entry(String id, String type, String name, String nameHi, List<String> aliases,
            List<String> shortAliases, List<String> exactCaseAliases, List<String> context, String country) {

        /** The country this entity stands for: itself for a country, else its country column. */
        public java.util.Optional<String> findCountry() {
            if (type.equals("country")) {
                return java.util.Optional.of(id);
            }
            return country.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(country);
        }
    }

    private final List<Entry> entries;

    private Gazetteer(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Gazetteer defaults() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a gazetteer TSV; {@code #} starts a comment line.
     *
     * @throws IllegalArgumentException naming the line of a malformed or duplicate entry
     */
    public static Gazetteer load(InputStream tsv) {
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Entry entry = parse(line, number);
                if (!ids.add(entry.id())) {
                    throw new IllegalArgumentException("gazetteer line " + number + ": duplicate id " + entry.id());
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Gazetteer(entries);
    }

    private static Entry parse(String line, int number) {
        String[] f = line.split("\t", -1);
        if (f.length < 4) {
            throw new IllegalArgumentException("gazetteer line " + number + ": expected id, type, name, name_hi,"
                    + " aliases, context separated by tabs: " + line);
        }
        String id = f[0].strip();
        String type = f[1].strip();
        if (!id.matches("Q[1-9][0-9]*|khabar:[a-z0-9-]+")) {
            throw new IllegalArgumentException("gazetteer line " + number + ": bad id '" + id + "'");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("gazetteer line " + number + ": bad type '" + type + "' for " + id
                    + " (expected one of " + TYPES + ")");
        }
        List<String> aliases = new ArrayList<>();
        List<String> shortAliases = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        aliases.add(f[2].strip());
        if (!f[3].isBlank()) {
            aliases.add(f[3].strip());
        }
        if (f.length > 4) {
            for (String alias : f[4].split("\\|")) {
                String a = alias.strip();
                if (a.startsWith("~")) {
                    shortAliases.add(a.substring(1).strip());
                } else if (a.startsWith("=")) {
                    exact.add(a.substring(1).strip());
                } else if (!a.isEmpty()) {
                    aliases.add(a);
                }
            }
        }
        // a name listed as a short or exact-case alias matches only that way
        aliases.removeIf(a -> exact.contains(a) || shortAliases.stream().anyMatch(s -> s.equalsIgnoreCase(a)));
        List<String> context = new ArrayList<>();
        if (f.length > 5) {
            for (String c : f[5].split(",")) {
                if (!c.isBlank()) {
                    context.add(c.strip());
                }
            }
        }
        String country = f.length > 6 ? f[6].strip() : "";
        if (!country.isEmpty() && !country.matches("Q[1-9][0-9]*")) {
            throw new IllegalArgumentException("gazetteer line " + number + ": bad country '" + country + "' for " + id);
        }
        return new Entry(id, type, f[2].strip(), f[3].strip(), List.copyOf(aliases), List.copyOf(shortAliases),
                List.copyOf(exact), List.copyOf(context), country);
    }

    public List<Entry> entries() {
        return entries;
    }
}
