package dev.khabar.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.processor.clean.MultiLocaleTest;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArticleEnricherTest {

    private static final Instant PUBLISHED = Instant.parse("2024-06-21T06:30:00Z");
    private final ArticleEnricher enricher = ArticleEnricher.defaults();

    private static final String TITLE = "पुतिन का वियतनाम दौरा: हनोई में ऊर्जा समझौते";
    private static final String TEXT = """
            पुतिन का हनोई आगमन
            रूस के राष्ट्रपति व्लादिमीर पुतिन 20 जून को हनोई पहुंचे। वियतनाम के नेताओं ने हवाई अड्डे पर उनका स्वागत किया। \
            दोनों देशों ने ऊर्जा समझौते पर बात की।
            बातचीत के बाद दोनों पक्षों ने ऊर्जा समझौते और शिक्षा के ज्ञापनों पर हस्ताक्षर किए।""";

    @MultiLocaleTest
    void enrichesAHindiArticle() {
        Enrichment e = enricher.enrich(TITLE, TEXT, PUBLISHED, null);
        assertThat(e.language()).isEqualTo("hi");
        assertThat(e.script()).isEqualTo("Devanagari");
        assertThat(e.entities()).extracting(EntityMatch::id).contains("Q7747", "Q1858", "Q881", "Q159");
        assertThat(e.entities().get(0).id()).isIn("Q7747", "Q1858");
        assertThat(e.dates()).extracting(DateMatch::date).containsExactly(LocalDate.of(2024, 6, 20));
        assertThat(e.keywords()).contains("व्लादिमीर पुतिन", "हनोई", "ऊर्जा समझौते");
        assertThat(e.romanizedTitle()).isEqualTo("putin ka viyatnam daura: hanoi men urja samjhaute");
    }

    @Test
    void summaryIsTheLeadSentencesWithoutTheHeading() {
        Enrichment e = enricher.enrich(TITLE, TEXT, PUBLISHED, "hi");
        assertThat(e.summary()).isEqualTo("रूस के राष्ट्रपति व्लादिमीर पुतिन 20 जून को हनोई पहुंचे। "
                + "वियतनाम के नेताओं ने हवाई अड्डे पर उनका स्वागत किया। दोनों देशों ने ऊर्जा समझौते पर बात की।");
    }

    @Test
    void hindiInflectionsOfAKeywordCountTogether() {
        Enrichment e = enricher.enrich("व्यापार समझौता",
                "नया व्यापार समझौता हुआ। व्यापार समझौते से निर्यात बढ़ेगा। व्यापार समझौतों की समीक्षा होगी।", null, "hi");
        assertThat(e.keywords()).contains("व्यापार समझौता").doesNotContain("व्यापार समझौते", "व्यापार समझौतों");
    }

    @Test
    void countsDevanagariWordsWithTheirMarks() {
        Enrichment e = enricher.enrich(null, "प्रधानमंत्री ने कहा, “संबंध मज़बूत हैं।”", null, null);
        assertThat(e.wordCount()).isEqualTo(6);
        assertThat(e.readingTimeSeconds()).isEqualTo(2); // 6 words at 220 a minute
    }

    @Test
    void latinTitlesAreNotRomanised() {
        Enrichment e = enricher.enrich("Putin lands in Hanoi", "Putin landed in Hanoi on June 20.", PUBLISHED,
                null);
        assertThat(e.romanizedTitle()).isNull();
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.script()).isEqualTo("Latin");
        assertThat(e.summary()).isEqualTo("Putin landed in Hanoi on June 20.");
    }

    @Test
    void romanisedHindiIsHindiInLatinScript() {
        Enrichment e = enricher.enrich("Putin ka Vietnam daura",
                "Putin ne kaha ki Vietnam ke saath rishte bahut acche hain aur yeh daura zaroori tha.", PUBLISHED,
                null);
        assertThat(e.language()).isEqualTo("hi");
        assertThat(e.script()).isEqualTo("Latin");
        assertThat(e.entities()).extracting(EntityMatch::id).contains("Q7747", "Q881");
    }

    @Test
    void emptyArticle() {
        Enrichment e = enricher.enrich(null, null, null, null);
        assertThat(e.language()).isEqualTo("und");
        assertThat(e.wordCount()).isZero();
        assertThat(e.keywords()).isEmpty();
        assertThat(e.summary()).isEmpty();
        assertThat(e.romanizedTitle()).isNull();
    }
}
