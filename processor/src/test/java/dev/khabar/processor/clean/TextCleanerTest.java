package dev.khabar.processor.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = TextCleaner.defaults();

    @MultiLocaleTest
    void removesEnglishWordPressFurniture() {
        String text = """
                The envoy arrived on Monday.
                Share this:
                Like this:
                %d bloggers like this:
                Leave a Reply
                Your email address will not be published. Required fields are marked *
                Translate »
                SUBSCRIBE
                The talks continue tomorrow.""";
        assertThat(cleaner.clean(text)).isEqualTo("The envoy arrived on Monday.\nThe talks continue tomorrow.");
    }

    @MultiLocaleTest
    void removesHindiFurnitureWhateverTheSpelling() {
        String text = """
                मंत्री ने बैठक में भाग लिया।
                इसे शेयर करें:
                कोई जवाब दें
                आपका ईमेल पता प्रकाशित नहीं किया जाएगा
                आवश्यक फील्ड चिह्नित हैं *
                बैठक शाम तक चली।""";
        // "फील्ड" without nukta still matches the listed "फ़ील्ड"
        assertThat(cleaner.clean(text)).isEqualTo("मंत्री ने बैठक में भाग लिया।\nबैठक शाम तक चली।");
    }

    @Test
    void removesCookieBannersAndReadAlsoLinksByPrefix() {
        String text = """
                This website uses cookies to improve your experience. Accept or read more about it.
                The budget was passed.
                यह भी पढ़ें: संसद में आज क्या हुआ
                Also read: What the minister said""";
        assertThat(cleaner.clean(text)).isEqualTo("The budget was passed.");
    }

    @Test
    void removesRelatedArticleLinesAndAdvertisementMarkersInEveryScript() {
        String text = """
                Nước ngập sâu trên nhiều tuyến phố.
                Xem thêm: Thủ tướng tiếp đoàn khách quốc tế
                Читайте также: Министр прибыл с визитом
                Yeh bhi padhein: Sena pramukh ka daura
                विज्ञापन
                ADVERTISEMENT
                Giao thông ùn tắc kéo dài.""";
        assertThat(cleaner.clean(text)).isEqualTo("Nước ngập sâu trên nhiều tuyến phố.\nGiao thông ùn tắc kéo dài.");
    }

    @Test
    void keepsLinesThatOnlyContainAPhrase() {
        String text = "Readers who subscribe to the paper were asked to share this survey widely.";
        assertThat(cleaner.clean(text)).isEqualTo(text);
    }

    @Test
    void operatorCanExtendThePhraseList() {
        TextCleaner extended = new TextCleaner(BoilerplatePhrases.defaults()
                .plus(List.of("हमारे ऐप को डाउनलोड करें", "Sponsored by...")));
        String text = "खबर का पहला हिस्सा।\nहमारे ऐप को डाउनलोड करें\nSponsored by a bank near you\nदूसरा हिस्सा।";
        assertThat(extended.clean(text)).isEqualTo("खबर का पहला हिस्सा।\nदूसरा हिस्सा।");
        assertThat(cleaner.clean(text)).contains("हमारे ऐप को डाउनलोड करें");
    }

    @Test
    void phrasesLoadFromYamlOrPlainLines() {
        BoilerplatePhrases yaml = BoilerplatePhrases.load(stream("lines:\n  - Advertisement\nprefixes:\n  - Photo credit\n"));
        assertThat(yaml.lines()).containsExactly("Advertisement");
        assertThat(yaml.prefixes()).containsExactly("Photo credit");
        BoilerplatePhrases plain = BoilerplatePhrases.load(stream("# comment\nAdvertisement\nPhoto credit...\n\n"));
        assertThat(plain).isEqualTo(yaml);
        assertThatThrownBy(() -> BoilerplatePhrases.load(stream("lines: [Ad]\nfooter: []\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("footer");
        assertThatThrownBy(() -> BoilerplatePhrases.load(stream("lines: [\"...\"]\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without words");
    }

    @Test
    void appliesNfc() {
        String decomposed = Normalizer.normalize("Hà Nội", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Hà Nội");
        assertThat(cleaner.clean(decomposed)).isEqualTo("Hà Nội");
        // क + nukta stays decomposed (U+0958 is a composition exclusion), precomposed becomes it too
        assertThat(cleaner.clean("\u0958")).isEqualTo("\u0915\u093C");
    }

    @Test
    void normalisesWhitespaceQuotesAndLineBreaks() {
        String text = "  “Peace”\u00A0talks\t\tbegan —\u2009it’s   official.\r\n\r\n\u2028Second\u00A0line  ";
        assertThat(cleaner.clean(text)).isEqualTo("\"Peace\" talks began — it's official.\nSecond line");
    }

    @Test
    void removesZeroWidthCharactersButKeepsJoinersInsideDevanagari() {
        String zwj = "\u200D";
        String zwnj = "\u200C";
        String text = "क्" + zwj + "ष and Hin" + zwj + "di\u200B text\uFEFF, र्" + zwnj + "य";
        assertThat(cleaner.clean(text)).isEqualTo("क्" + zwj + "ष and Hindi text, र्" + zwnj + "य");
    }

    @Test
    void readsAPipeAfterHindiAsDanda() {
        assertThat(cleaner.clean("बैठक खत्म हुई | अगले हफ्ते फिर होगी |"))
                .isEqualTo("बैठक खत्म हुई । अगले हफ्ते फिर होगी ।");
        assertThat(cleaner.clean("Home | News")).isEqualTo("Home | News");
    }

    @Test
    void repairsUtf8ReadAsWindows1252() {
        Charset cp1252 = Charset.forName("windows-1252");
        String hindi = "पुतिन हनोई पहुंचे";
        String broken = new String(hindi.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(broken).startsWith("à¤ª");
        assertThat(cleaner.clean(broken)).isEqualTo(hindi);
        String english = new String("The minister’s ‘visit’ – café".getBytes(StandardCharsets.UTF_8), cp1252);
        assertThat(english).contains("â€™");
        assertThat(cleaner.clean(english)).isEqualTo("The minister's 'visit' – café");
    }

    @Test
    void leavesRealLatin1TextAlone() {
        String text = "Größe, café, à bientôt, señor: 5 €";
        assertThat(cleaner.clean(text)).isEqualTo(text);
    }

    @Test
    void repairsABrokenWordNextToAGenuineQuote() {
        String broken = new String("पुतिन".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(cleaner.clean("“" + broken + "”")).isEqualTo("\"पुतिन\"");
    }

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertThat(cleaner.clean(null)).isEmpty();
        assertThat(cleaner.clean(" \n\u200B\n ")).isEmpty();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
