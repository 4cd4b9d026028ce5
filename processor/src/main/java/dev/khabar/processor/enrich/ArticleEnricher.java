package dev.khabar.processor.enrich;

import dev.khabar.processor.clean.FoldedText;
import dev.khabar.processor.clean.Paragraphs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Adds language, entities, dates, keywords, a summary, counts, a SimHash and a romanised title to
 * a cleaned article. Plain Java: collaborators come in through the constructor; immutable and
 * thread-safe.
 */
public final class ArticleEnricher {

    /** Reading speed used for {@link Enrichment#readingTimeSeconds()}. */
    public static final int WORDS_PER_MINUTE = 220;
    static final int SUMMARY_SENTENCES = 3;
    static final int SUMMARY_CHARS = 280;

    private final LanguageDetector languages;
    private final EntityLinker linker;
    private final DateExtractor dates;
    private final KeywordExtractor keywords;
    private final TitleRomanizer romanizer = new TitleRomanizer();

    public ArticleEnricher(LanguageDetector languages, EntityLinker linker, DateExtractor dates) {
        this.languages = languages;
        this.linker = linker;
        this.dates = dates;
        this.keywords = new KeywordExtractor(LanguageProfiles.defaults());
    }

    /** The built-in gazetteer, language profiles and month names. */
    public static ArticleEnricher defaults() {
        return new ArticleEnricher(LanguageDetector.defaults(), EntityLinker.defaults(), DateExtractor.defaults());
    }

    /**
     * Enriches one article.
     *
     * @param title the title, may be {@code null}
     * @param text the cleaned text, paragraphs separated by {@code \n}; may be {@code null}
     * @param published publication time, used to give dates without a year their year; nullable
     * @param languageHint the page's declared language ("hi", "hi-IN"), used when the text does
     *     not decide; nullable
     */
    public Enrichment enrich(String title, String text, Instant published, String languageHint) {
        String body = text == null ? "" : text;
        String head = title == null ? "" : title;
        FoldedText foldedText = FoldedText.of(body);
        FoldedText foldedTitle = FoldedText.of(head);
        LanguageDetector.Detection detection = body.isBlank()
                ? languages.detect(head, foldedTitle, languageHint)
                : languages.detect(body, foldedText, languageHint);
        List<EntityMatch> entities = linker.link(foldedText, foldedTitle);
        LocalDate day = published == null ? null : LocalDate.ofInstant(published, ZoneOffset.UTC);
        List<DateMatch> found = dates.extract(foldedText, day);
        int words = foldedText.tokenCount();
        int seconds = (int) Math.ceil(words * 60.0 / WORDS_PER_MINUTE);
        List<String> keys = keywords.extract(foldedText, foldedTitle, entities, detection.language(),
                detection.script().equals("Devanagari"));
        return new Enrichment(detection.language(), detection.script(), words, seconds, keys, summary(body),
                entities, found, SimHash.of(foldedText), romanizer.romanize(title));
    }

    /** The first sentences of the first non-heading paragraphs. */
    static String summary(String text) {
        StringBuilder out = new StringBuilder();
        int sentences = 0;
        for (Paragraphs.Paragraph p : Paragraphs.of(text)) {
            if (p.heading()) {
                continue;
            }
            int from = p.start();
            for (int end : Paragraphs.sentenceEnds(text, p.start(), p.end())) {
                String sentence = text.substring(from, end).strip();
                from = end;
                if (sentence.isEmpty()) {
                    continue;
                }
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(sentence);
                if (++sentences >= SUMMARY_SENTENCES || out.length() >= SUMMARY_CHARS) {
                    return out.toString();
                }
            }
        }
        return out.toString();
    }
}
