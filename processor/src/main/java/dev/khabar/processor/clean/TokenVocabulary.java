package dev.khabar.processor.clean;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ids for the folded tokens that phrases are made of, shared by every {@link PhraseMatcher}: a
 * text's tokens are looked up here once ({@link FoldedText#tokenId}), and each matcher then
 * walks its trie by int id instead of hashing and comparing strings again. Only phrase tokens are
 * registered, so the table grows with the taxonomy, gazetteer and phrase lists, not with the text.
 */
final class TokenVocabulary {

    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TokenVocabulary() {
    }

    static int register(String token) {
        return IDS.computeIfAbsent(token, t -> NEXT.getAndIncrement());
    }

    /** The token's id, or -1 when no phrase uses it. */
    static int idOf(String token) {
        Integer id = IDS.get(token);
        return id == null ? -1 : id;
    }

    /** Grows with every new token: a text's ids computed at an older size may miss newer tokens. */
    static int size() {
        return NEXT.get();
    }
}
