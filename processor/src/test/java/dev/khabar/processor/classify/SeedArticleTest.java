package dev.khabar.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.processor.clean.MultiLocaleTest;
import dev.khabar.processor.clean.TextCleaner;
import dev.khabar.processor.enrich.ArticleEnricher;
import dev.khabar.processor.enrich.DateMatch;
import dev.khabar.processor.enrich.EntityMatch;
import dev.khabar.processor.enrich.Enrichment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The first real page Khabar met was a Hindi WordPress post on the Russia–North Korea defence
 * pact whose last section covers Putin's visit to Vietnam. {@code articles/russia-north-korea-pact.hi.txt}
 * retells the same facts in our own words, with the same layout (headings, the seed's
 * "19/ जून बुधवार" date style, a "read more" link and the WordPress comment form at the end).
 */
class SeedArticleTest {

    private static final Instant PUBLISHED = Instant.parse("2024-06-21T04:00:00Z");

    private static String[] article() throws IOException {
        try (InputStream in = SeedArticleTest.class.getResourceAsStream("/articles/russia-north-korea-pact.hi.txt")) {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int nl = raw.indexOf('\n');
            return new String[] {raw.substring(0, nl), raw.substring(nl + 1)};
        }
    }

    @MultiLocaleTest
    void cleaningDropsTheCommentFormAndTheReadMoreLink() throws IOException {
        String text = TextCleaner.defaults().clean(article()[1]);
        assertThat(text).doesNotContain("Leave a Reply", "Your email address", "Translate", "bloggers", "आगे पढ़िए")
                .doesNotContain("\n\n").startsWith("रूस-उत्तर कोरिया की नई रक्षा संधि\n").endsWith("हस्ताक्षर किए।");
    }

    @MultiLocaleTest
    void labelledDefenceAndDiplomacyWithAVietnamVisitSection() throws IOException {
        String[] a = article();
        String text = TextCleaner.defaults().clean(a[1]);
        Classification c = new TopicClassifier(Taxonomy.defaults()).classify(a[0], text, "hi");
        assertThat(c.labels()).contains("defence", "diplomacy", "vietnam-visit");
        assertThat(c.labels().get(0)).isEqualTo("defence");
        SectionLabel last = c.sections().get(c.sections().size() - 1);
        assertThat(last.heading()).isEqualTo("पुतिन की वियतनाम की यात्रा");
        assertThat(last.labels()).contains("vietnam-visit", "diplomacy").doesNotContain("defence");
        assertThat(c.sections()).filteredOn(s -> s != last)
                .allSatisfy(s -> assertThat(s.labels()).doesNotContain("vietnam-visit"));
        TopicClassifierTest.assertEvidenceOffsets(c, a[0], text);
    }

    @MultiLocaleTest
    void enrichedWithItsPeoplePlacesAndDates() throws IOException {
        String[] a = article();
        String text = TextCleaner.defaults().clean(a[1]);
        Enrichment e = ArticleEnricher.defaults().enrich(a[0], text, PUBLISHED, null);
        assertThat(e.language()).isEqualTo("hi");
        assertThat(e.script()).isEqualTo("Devanagari");
        assertThat(e.entities()).extracting(EntityMatch::id).contains("Q7747", "Q56226", "khabar:tran-hong-ha",
                "Q881", "Q159", "Q423", "Q1858", "Q18808", "khabar:aurus-senat", "khabar:pungsan-dog");
        EntityMatch kim = e.entities().stream().filter(x -> x.id().equals("Q56226")).findFirst().orElseThrow();
        assertThat(kim.nameHi()).isEqualTo("किम जोंग उन");
        assertThat(kim.mentions()).extracting(m -> m.text()).contains("किम जोंग-उन", "किम");
        kim.mentions().forEach(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
        assertThat(e.dates()).extracting(DateMatch::date)
                .containsExactly(LocalDate.of(2024, 6, 19), LocalDate.of(2024, 6, 20));
        assertThat(e.dates()).extracting(DateMatch::text).containsExactly("19/ जून बुधवार", "20/जून गुरुवार");
        assertThat(e.summary()).startsWith("प्योंगयांग में 19/ जून बुधवार को").contains("।");
        assertThat(e.keywords()).contains("व्लादिमीर पुतिन", "रूस");
        assertThat(e.wordCount()).isBetween(180, 260);
        assertThat(e.romanizedTitle()).isNotBlank();
    }
}
