package dev.khabar.processor.classify;

import java.util.List;
import java.util.Set;

/**
 * One category of a {@link Taxonomy}, as validated from the YAML file.
 *
 * @param passageSentences 0, or how many sentences around a key term form a passage that may earn
 *     the label on its own (an event mentioned in a few sentences of an article about something else)
 */
record Category(String id, String name, String description, String parent, double threshold, int minDistinctTerms,
        double keyTermWeight, int passageSentences, List<Term> terms, List<Term> negatives, List<String> excludes, List<String> negativeContexts,
        List<Requirement> requirements) {

    /** A phrase in one language with its weight (a {@code *} ends a prefix token). */
    record Term(String text, String language, double weight) {
    }

    /**
     * Met, in the same scope, when any of its terms occurs, or at least {@code minEntities}
     * distinct entities with one of {@code entityIds} or {@code entityTypes} are mentioned, or
     * the mentioned entities belong to at least {@code minCountries} countries (0: not used).
     */
    record Requirement(String name, List<Term> terms, Set<String> entityIds, Set<String> entityTypes,
            int minEntities, int minCountries) {
    }
}
