package dev.khabar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Line-level rules, with the tail of the seed page (the first page Khabar met) as the main case. */
class TextRulesTest {

    @AfterEach
    void restoreLocale() {
        Locales.restore();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Leave a Reply", "Leave a Reply Cancel reply", "कोई जवाब दें", "एक टिप्पणी छोड़ें",
        "Your email address will not be published. Required fields are marked *",
        "आपका ईमेल पता प्रकाशित नहीं किया जाएगा. आवश्यक फ़ील्ड चिह्नित हैं *", "Translate »",
        "%d bloggers like this:", "इसे शेयर करें:", "Share this:", "Like this:", "Like Loading...", "Advertisement",
        "ADVERTISEMENT", "विज्ञापन", "— Advertisement —", "We use cookies to improve your experience.",
        "Subscribe to our newsletter"})
    void widgetAndFormLinesAreBoilerplate(String line) {
        assertThat(TextRules.isBoilerplateLine(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"पुतिन ने किम को ऑरस नामक एक शानदार रूसी कार जैसे उपहार दिए।",
        "The advertisement campaign ran for three weeks before regulators stepped in.",
        "Comments from residents were mostly positive, the council said.", "Translate the menu, she said."})
    void articleSentencesAreNot(String line) {
        assertThat(TextRules.isBoilerplateLine(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"आगे पढ़िए: Kim Jong Un से 24 साल बाद क्यों मिलने पहुंचे व्लादिमीर पुतिन", "यह भी पढ़ें: x",
        "ये भी पढ़ें- x", "इसे भी पढ़ें", "Read more: x", "READ MORE", "Also read | x", "» Leia também: x", "Baca juga: x"})
    void readMorePrompts(String line) {
        assertThat(TextRules.isReadMorePrompt(line)).isTrue();
    }

    @MultiLocaleTest
    void seedPageTailStaysOutOfTheText(Locale locale) {
        Locales.use(locale);
        String html = """
                <html lang="hi"><body><div class="post"><div class="entry">
                <p>पुतिन उत्तर कोरिया की 2 दिवसीय यात्रा करने के बाद 20/जून गुरुवार की सुबह हनोई हवाई अड्डे पर पहुंचे, और उनका स्वागत रेड कार्पेट पर किया गया।</p>
                <p>आगे पढ़िए: <a href="/kim-jong-un-putin/">Kim Jong Un से 24 साल बाद क्यों मिलने पहुंचे व्लादिमीर पुतिन</a></p>
                <p>लैम और पुतिन ने असैन्य परमाणु परियोजनाओं, ऊर्जा और शिक्षा सहित क्षेत्रों में सहयोग के लिए 11 ज्ञापनों पर हस्ताक्षर किए।</p>
                <h3>Leave a Reply</h3>
                <p>Your email address will not be published. Required fields are marked *</p>
                <div>Translate »</div>
                <div>%d bloggers like this:</div>
                </div></div></body></html>""";
        ExtractedArticle a = new ArticleExtractor().extract(html, URI.create("https://seed.example/2024/06/putin/"));

        assertThat(a.text().lines()).hasSize(2).allMatch(l -> l.contains("पुतिन"));
        assertThat(a.readMoreLinks()).containsExactly("https://seed.example/kim-jong-un-putin/");
        assertThat(a.language()).isEqualTo("hi");
    }
}
