package dev.khabar.processor.classify;

import dev.khabar.processor.classify.Category.Requirement;
import dev.khabar.processor.classify.Category.Term;
import dev.khabar.processor.clean.FoldedText;
import dev.khabar.processor.clean.PhraseMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every term of every category (positive, negative, presence, excluded phrases, requirement terms
 * and the negative contexts a category refers to) compiled into one {@link PhraseMatcher}, so an article
 * is scanned once whatever the size of the taxonomy.
 */
final class TermIndex {

    enum Role { POSITIVE, NEGATIVE, EXCLUDE, REQUIRE, PRESENCE, DATELINE }

    /** How far into the text a dateline may start (after a byline, say). */
    static final int DATELINE_REACH = 300;

    /**
     * What a matched phrase means for one category. {@code termId} identifies the phrase within
     * the category (for repeat decay and distinct-term counts); {@code group} is the requirement.
     */
    record TermRef(int category, Role role, int group, double weight, int termId, String term) {
    }

    /** A match in the title or the text, with source offsets and tokens. */
    record Hit(boolean inTitle, int start, int end, int tokenStart, int tokenEnd, TermRef ref) {
    }

    private final PhraseMatcher<TermRef> matcher;

    private TermIndex(PhraseMatcher<TermRef> matcher) {
        this.matcher = matcher;
    }

    /**
     * @throws IllegalArgumentException naming the category and term when a term cannot be compiled
     */
    static TermIndex compile(List<Category> categories, Map<String, List<Term>> contexts) {
        PhraseMatcher.Builder<TermRef> builder = PhraseMatcher.builder();
        for (int c = 0; c < categories.size(); c++) {
            Category category = categories.get(c);
            Map<String, Integer> ids = new HashMap<>();
            for (Term t : category.terms()) {
                add(builder, category, t.text(), new TermRef(c, Role.POSITIVE, -1, t.weight(), id(ids, t), t.text()));
            }
            List<Term> negatives = new ArrayList<>(category.negatives());
            category.negativeContexts().forEach(name -> negatives.addAll(contexts.get(name)));
            for (Term t : negatives) {
                add(builder, category, t.text(), new TermRef(c, Role.NEGATIVE, -1, t.weight(), id(ids, t), t.text()));
            }
            if (category.presence() != null) {
                for (Term t : category.presence().terms()) {
                    add(builder, category, t.text(), new TermRef(c, Role.PRESENCE, -1, t.weight(), id(ids, t), t.text()));
                }
                for (Term t : category.presence().datelines()) {
                    add(builder, category, t.text(), new TermRef(c, Role.DATELINE, -1, t.weight(), id(ids, t), t.text()));
                }
            }
            for (String phrase : category.excludes()) {
                add(builder, category, phrase, new TermRef(c, Role.EXCLUDE, -1, 0, -1, phrase));
            }
            for (int g = 0; g < category.requirements().size(); g++) {
                Requirement r = category.requirements().get(g);
                for (Term t : r.terms()) {
                    add(builder, category, t.text(), new TermRef(c, Role.REQUIRE, g, 0, -1, t.text()));
                }
            }
        }
        return new TermIndex(builder.build());
    }

    private static int id(Map<String, Integer> ids, Term t) {
        return ids.computeIfAbsent(t.text(), k -> ids.size());
    }

    private static void add(PhraseMatcher.Builder<TermRef> builder, Category category, String phrase, TermRef ref) {
        try {
            builder.add(phrase, ref);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("taxonomy: category '" + category.id() + "': " + e.getMessage(), e);
        }
    }

    /** All hits in one field. */
    List<Hit> find(FoldedText text, boolean inTitle) {
        List<PhraseMatcher.Match<TermRef>> matches = matcher.findAll(text);
        List<Hit> out = new ArrayList<>(matches.size());
        for (PhraseMatcher.Match<TermRef> m : matches) {
            int start = text.start(m.startToken());
            int end = text.end(m.endToken() - 1);
            if (m.value().role() == Role.DATELINE && (inTitle || !isDateline(text.source(), start, end))) {
                continue;
            }
            out.add(new Hit(inTitle, start, end, m.startToken(), m.endToken(), m.value()));
        }
        return out;
    }

    /**
     * Whether {@code [start, end)} of {@code source} is a dateline's place: near the start, first on
     * its line, and followed by a bracket or a spaced dash ("HANOI (Reuters) -", "HANOI —"), or by a
     * comma and a date within two words ("HANOI, June 20", "हनोई, 20 जून", "ХАНОЙ, 20 июня") —
     * not "Hanoi-based", "Hanoi: the city…" or "Hanoi, with its millions".
     */
    static boolean isDateline(String source, int start, int end) {
        if (start > DATELINE_REACH) {
            return false;
        }
        for (int i = start - 1; i >= 0 && source.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(source.charAt(i)) && !Character.isSpaceChar(source.charAt(i))) {
                return false;
            }
        }
        int i = end;
        while (i < source.length() && (source.charAt(i) == ' ' || Character.isSpaceChar(source.charAt(i)))) {
            i++;
        }
        if (i >= source.length()) {
            return false;
        }
        char c = source.charAt(i);
        if (c == '(' || c == '—' || c == '–') {
            return true;
        }
        if (c == '-') {
            return i > end; // "HANOI - ", not "Hanoi-based"
        }
        if (c != ',') {
            return false;
        }
        // a date in the next two words
        int words = 0;
        for (int j = i + 1; j < source.length() && words < 2; j++) {
            char d = source.charAt(j);
            if (Character.isDigit(d)) {
                return true;
            }
            if (Character.isWhitespace(d) && j > i + 1 && !Character.isWhitespace(source.charAt(j - 1))) {
                words++;
            }
            if (d == '\n') {
                return false;
            }
        }
        return false;
    }
}
