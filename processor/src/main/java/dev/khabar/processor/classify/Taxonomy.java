package dev.khabar.processor.classify;

import dev.khabar.processor.classify.Category.Term;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The categories articles are labelled with, read from YAML ({@code dev/khabar/processor/taxonomy.yaml}
 * by default; see that file for the format). Immutable and validated: a bad file throws
 * {@link IllegalArgumentException} naming the category and field, so an operator adds a category
 * by editing the file, without code.
 */
public final class Taxonomy {

    private static final String RESOURCE = "/dev/khabar/processor/taxonomy.yaml";

    private final ScoringSettings settings;
    private final Map<String, List<Term>> contexts;
    private final List<Category> categories;
    private final TermIndex index;

    /** Validated parts, from {@link TaxonomyYaml}. */
    Taxonomy(ScoringSettings settings, Map<String, List<Term>> contexts, List<Category> categories) {
        this.settings = settings;
        this.contexts = contexts;
        this.categories = categories;
        this.index = TermIndex.compile(categories, contexts);
    }

    /** The built-in taxonomy: {@code defence}, {@code diplomacy}, {@code vietnam-visit}. */
    public static Taxonomy defaults() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Taxonomy load(Path yaml) {
        try {
            return parse(Files.readString(yaml, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read taxonomy " + yaml, e);
        }
    }

    public static Taxonomy parse(String yaml) {
        return TaxonomyYaml.read(yaml);
    }

    /** Category ids in file order. */
    public List<String> categoryIds() {
        return categories.stream().map(Category::id).toList();
    }

    List<Category> categories() {
        return categories;
    }

    Map<String, List<Term>> contexts() {
        return contexts;
    }

    ScoringSettings settings() {
        return settings;
    }

    /** All terms compiled into one matcher. */
    TermIndex index() {
        return index;
    }
}
