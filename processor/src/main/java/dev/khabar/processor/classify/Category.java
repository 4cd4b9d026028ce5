package dev.khabar.processor.classify;

import java.util.List;
import java.util.Set;

/**
 * One category of a {@link Taxonomy}, as validated from the YAML file.
 *
 * @param passageSentences 0, or how many sentences around a key term form a passage that may earn
 *     the label on its own (an event mentioned in a few sentences of an article about something else)
 * @param presence         null, or terms that place someone in a country and weigh fully only next to a
 *     named person of another country ("Marles in Hanoi")
 */
record Category(String id, String name, String description, String parent, double threshold, int minDistinctTerms,
        double keyTermWeight, int passageSentences, List<Term> terms, List<Term> negatives, List<String> excludes, List<String> negativeContexts,
        List<Requirement> requirements, Presence presence) {

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

    /**
     * Phrases that place someone in {@code host} ("in Hanoi", "हनोई में", "в Ханое"): each weighs its
     * full weight where a person of another country is named within {@code window} characters (or in
     * the same title), and {@code elsewhere} times it otherwise. {@code datelines} are places that
     * count the same way only as a story's dateline: at the start of the text or of a line near it,
     * followed by the dateline's comma, bracket or dash ("HANOI, June 20 —", "हनोई, 20 जून (भाषा)").
     */
    record Presence(String host, double elsewhere, int window, List<Term> terms, List<Term> datelines) {
    }
}
