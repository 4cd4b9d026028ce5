package dev.khabar.ingest.extract;

/**
 * What an element's lower-cased class and id names say about it, computed once per distinct
 * class list of a page (pages repeat the same lists hundreds of times).
 *
 * @param kind          boilerplate classification by name
 * @param contentMarker the names mark an article body ("entry-content", "article-body", …)
 * @param byline        the names suggest an author byline
 * @param date          the names suggest a date or time
 */
record NameTraits(BoilerplateRules.Kind kind, boolean contentMarker, boolean byline, boolean date) {
    static final NameTraits NONE = new NameTraits(BoilerplateRules.Kind.NEUTRAL, false, false, false);

    private static final SubstringSet BYLINE_NAMES = new SubstringSet("author", "byline", "posted-by", "post-by");
    private static final SubstringSet DATE_NAMES = new SubstringSet("date", "time", "publish", "posted", "updated");

    static NameTraits of(String names) {
        if (names.isEmpty()) {
            return NONE;
        }
        return new NameTraits(BoilerplateRules.classifyNames(names), BoilerplateRules.isContentMarkerName(names),
                BYLINE_NAMES.containsAny(names), DATE_NAMES.containsAny(names));
    }
}
