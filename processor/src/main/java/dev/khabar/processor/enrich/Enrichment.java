package dev.khabar.processor.enrich;

import java.util.List;

/**
 * What {@link ArticleEnricher} adds to an article.
 *
 * @param language ISO 639-1 code, {@code "und"} when unknown; romanised Hindi is {@code hi}
 * @param script Unicode script name of most letters: {@code Devanagari}, {@code Latin}, ...
 * @param wordCount words in the text (a Devanagari word includes its combining marks)
 * @param readingTimeSeconds at {@value ArticleEnricher#WORDS_PER_MINUTE} words a minute
 * @param keywords most telling words and phrases, best first, entity names preferred
 * @param summary the lead sentences (up to three), headings skipped
 * @param entities gazetteer entities, most mentioned first
 * @param dates calendar dates in the text, in order
 * @param simhash 64-bit SimHash of the text's word shingles ({@link SimHash})
 * @param romanizedTitle the title in Latin letters, {@code null} when it is already Latin
 */
public record Enrichment(String language, String script, int wordCount, int readingTimeSeconds,
        List<String> keywords, String summary, List<EntityMatch> entities, List<DateMatch> dates,
        long simhash, String romanizedTitle) {

    public Enrichment {
        keywords = List.copyOf(keywords);
        entities = List.copyOf(entities);
        dates = List.copyOf(dates);
    }
}
