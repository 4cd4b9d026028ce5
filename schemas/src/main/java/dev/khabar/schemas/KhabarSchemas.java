package dev.khabar.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Every schema Khabar has ever written: the current ones (from the generated classes) and the
 * earlier versions kept in {@code dev/khabar/schemas/history/}. Readers resolve a record's
 * fingerprint against this store, so any version decodes.
 */
public final class KhabarSchemas {

    private static final String HISTORY = "/dev/khabar/schemas/history/";
    private static final List<Schema> CURRENT =
            List.of(RawArticle.getClassSchema(), EnrichedArticle.getClassSchema(), DeadLetter.getClassSchema(),
                    FrontierEntry.getClassSchema(), FetchLogEntry.getClassSchema(), UrlState.getClassSchema(),
                    StatsCount.getClassSchema());
    private static final Map<Long, Schema> ALL = loadAll();
    private static final SchemaStore.Cache STORE = new SchemaStore.Cache();

    static {
        ALL.values().forEach(STORE::addSchema);
        trustGeneratedClasses();
    }

    private KhabarSchemas() {
    }

    /** The current schemas, one per record type. */
    public static List<Schema> current() {
        return CURRENT;
    }

    /** Every known schema (current and historical) by its CRC-64-AVRO fingerprint. */
    public static Map<Long, Schema> byFingerprint() {
        return Collections.unmodifiableMap(ALL);
    }

    /** Earlier versions of one record type, oldest first (not including the current one). */
    public static List<Schema> history(String recordName) {
        List<Schema> out = new ArrayList<>();
        for (String file : historyIndex()) {
            if (file.startsWith(recordName + "-v")) {
                out.add(parse(file));
            }
        }
        return out;
    }

    public static SchemaStore store() {
        return STORE;
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /**
     * Avro 1.12 refuses to instantiate generated classes outside trusted packages; trust ours
     * (and keep whatever the JVM already trusts).
     */
    static void trustGeneratedClasses() {
        ClassSecurityValidator.ClassSecurityPredicate ours = ClassSecurityValidator.builder()
                .add(RawArticle.class).add(Image.class)
                .add(EnrichedArticle.class).add(Evidence.class).add(SectionLabels.class).add(Entity.class).add(Mention.class)
                .add(DateMention.class).add(DeadLetter.class)
                .add(FrontierEntry.class).add(FetchLogEntry.class).add(UrlState.class).add(StatsCount.class)
                .build();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), ours));
    }

    private static Map<Long, Schema> loadAll() {
        Map<Long, Schema> all = new LinkedHashMap<>();
        for (String file : historyIndex()) {
            Schema s = parse(file);
            all.put(fingerprint(s), s);
        }
        for (Schema s : CURRENT) {
            all.put(fingerprint(s), s);
        }
        return all;
    }

    private static List<String> historyIndex() {
        String index = read("index.txt");
        List<String> files = new ArrayList<>();
        for (String line : index.split("\n")) {
            String f = line.strip();
            if (!f.isEmpty() && !f.startsWith("#")) {
                files.add(f);
            }
        }
        return files;
    }

    private static Schema parse(String file) {
        return new Schema.Parser().parse(read(file));
    }

    private static String read(String file) {
        try (InputStream in = KhabarSchemas.class.getResourceAsStream(HISTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("schema history file missing from the jar: " + HISTORY + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
