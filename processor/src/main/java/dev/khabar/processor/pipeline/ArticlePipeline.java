package dev.khabar.processor.pipeline;

import dev.khabar.processor.classify.Classification;
import dev.khabar.processor.classify.EvidenceSpan;
import dev.khabar.processor.classify.SectionLabel;
import dev.khabar.processor.classify.TopicClassifier;
import dev.khabar.processor.clean.TextCleaner;
import dev.khabar.processor.enrich.ArticleEnricher;
import dev.khabar.processor.enrich.DateMatch;
import dev.khabar.processor.enrich.EntityMatch;
import dev.khabar.processor.enrich.Enrichment;
import dev.khabar.schemas.DateMention;
import dev.khabar.schemas.EnrichedArticle;
import dev.khabar.schemas.Entity;
import dev.khabar.schemas.Evidence;
import dev.khabar.schemas.Mention;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.SectionLabels;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Clean → classify → enrich for one article, as plain code: no Kafka here. Each stage that
 * throws is reported as a {@link StageException} naming it.
 */
public final class ArticlePipeline {

    private final TextCleaner cleaner;
    private final Supplier<TopicClassifier> classifier;
    private final ArticleEnricher enricher;
    private final Clock clock;

    /**
     * @param classifier asked for the current classifier on every article, so a reloaded
     *                   taxonomy takes effect without rebuilding the topology
     */
    public ArticlePipeline(TextCleaner cleaner, Supplier<TopicClassifier> classifier, ArticleEnricher enricher, Clock clock) {
        this.cleaner = cleaner;
        this.classifier = classifier;
        this.enricher = enricher;
        this.clock = clock;
    }

    public EnrichedArticle process(RawArticle raw) {
        String title = stage("clean", () -> cleaner.clean(raw.getTitle()));
        String text = stage("clean", () -> cleaner.clean(raw.getText()));
        Enrichment e = stage("enrich", () -> enricher.enrich(title, text, raw.getPublished(), raw.getLanguageHint()));
        Classification c = stage("classify", () -> classifier.get().classify(title, text, e.language()));
        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setUrl(raw.getUrl())
                .setCanonicalUrl(raw.getCanonicalUrl())
                .setSourceId(raw.getSourceId())
                .setTitle(title)
                .setRomanizedTitle(e.romanizedTitle())
                .setText(text)
                .setAuthors(raw.getAuthors())
                .setTags(raw.getTags())
                .setSiteName(raw.getSiteName())
                .setLanguage(e.language())
                .setScript(e.script())
                .setPublished(raw.getPublished())
                .setModified(raw.getModified())
                .setFetchedAt(raw.getFetchedAt())
                .setProcessedAt(clock.instant())
                .setLabels(List.copyOf(c.labels()))
                .setScores(new LinkedHashMap<>(c.scores()))
                .setEvidence(c.evidence().stream().map(ArticlePipeline::evidence).toList())
                .setSections(c.sections().stream().map(ArticlePipeline::section).toList())
                .setEntities(e.entities().stream().map(ArticlePipeline::entity).toList())
                .setDates(e.dates().stream().map(ArticlePipeline::date).toList())
                .setKeywords(List.copyOf(e.keywords()))
                .setSummary(e.summary())
                .setWordCount(e.wordCount())
                .setReadingTimeSeconds(e.readingTimeSeconds())
                .setFingerprint(e.simhash())
                .setVersion(raw.getVersion())
                .build();
    }

    /**
     * The same article as it goes to the clean topic: cleaned and enriched, without labels. A shallow
     * copy (Avro's builder would deep-copy the text, the entities and their mentions): the fields it
     * shares with {@code a} are immutable strings and lists no stage changes once the article is built.
     */
    public static EnrichedArticle withoutLabels(EnrichedArticle a) {
        EnrichedArticle copy = new EnrichedArticle();
        for (int field = 0; field < EnrichedArticle.SCHEMA$.getFields().size(); field++) {
            copy.put(field, a.get(field));
        }
        copy.setLabels(List.of());
        copy.setScores(Map.of());
        copy.setEvidence(List.of());
        copy.setSections(List.of());
        return copy;
    }

    private static <T> T stage(String name, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | StackOverflowError e) {
            throw new StageException(name, e);
        }
    }

    private static Evidence evidence(EvidenceSpan s) {
        return new Evidence(s.label(), s.field(), s.text(), s.start(), s.end(), s.weight());
    }

    private static SectionLabels section(SectionLabel s) {
        return new SectionLabels(s.heading(), s.start(), s.end(), List.copyOf(s.labels()));
    }

    private static Entity entity(EntityMatch m) {
        return new Entity(m.id(), m.type(), m.name(), m.nameHi(),
                m.mentions().stream().map(s -> new Mention(s.text(), s.start(), s.end())).toList());
    }

    private static DateMention date(DateMatch d) {
        return new DateMention(d.text(), d.date().toString(), d.start(), d.end());
    }
}
