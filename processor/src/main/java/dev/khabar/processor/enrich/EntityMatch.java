package dev.khabar.processor.enrich;

import java.util.List;

/**
 * An entity of the gazetteer found in an article.
 *
 * @param id Wikidata QID ({@code Q7747}), or {@code khabar:<slug>} where no QID is certain
 * @param type {@code person}, {@code country}, {@code city}, {@code organisation} or {@code thing}
 * @param name English name
 * @param nameHi Hindi name
 * @param mentions where the article text names it, in order; empty when only the title does
 */
public record EntityMatch(String id, String type, String name, String nameHi, List<Span> mentions) {

    public EntityMatch {
        mentions = List.copyOf(mentions);
    }
}
