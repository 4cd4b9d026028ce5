package dev.khabar.processor.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

class MatchKeyTest {

    @MultiLocaleTest
    void foldsHindiSpellingVariants() {
        assertThat(MatchKey.of("फ़रवरी")).isEqualTo(MatchKey.of("फरवरी"));
        assertThat(MatchKey.of("सितम्बर")).isEqualTo(MatchKey.of("सितंबर"));
        assertThat(MatchKey.of("अक्तूबर")).isEqualTo(MatchKey.of("अक्टूबर"));
        assertThat(MatchKey.of("पहुँचे")).isEqualTo(MatchKey.of("पहुंचे"));
        assertThat(MatchKey.of("ज़्यादा")).isEqualTo(MatchKey.of("ज्यादा"));
        assertThat(MatchKey.of("हिन्दी")).isEqualTo(MatchKey.of("हिंदी"));
        assertThat(MatchKey.of("\u0958")).isEqualTo(MatchKey.of("क"));
        // different words stay different
        assertThat(MatchKey.of("सेना")).isNotEqualTo(MatchKey.of("सोना"));
    }

    @MultiLocaleTest
    void foldsCaseWithTheRootLocale() {
        assertThat(MatchKey.of("ISTANBUL INDIA")).isEqualTo("istanbul india");
        assertThat(MatchKey.of("İstanbul")).isEqualTo("istanbul");
        assertThat(MatchKey.of("ПУТИН")).isEqualTo("путин");
    }

    @MultiLocaleTest
    void stripsLatinDiacriticsAndYo() {
        assertThat(MatchKey.of("Trần Hồng Hà")).isEqualTo("tran hong ha");
        assertThat(MatchKey.of("Đà Nẵng")).isEqualTo("da nang");
        assertThat(MatchKey.of("Соединённые")).isEqualTo("соединенные");
    }

    @MultiLocaleTest
    void mapsDevanagariDigitsAndDropsZeroWidth() {
        assertThat(MatchKey.of("१९ जून २०२४")).isEqualTo("19 जून 2024");
        assertThat(MatchKey.of("क्\u200Dष")).isEqualTo(MatchKey.of("क्ष"));
    }

    @MultiLocaleTest
    void tokensKeepMatrasAndTraceBackToTheSource() {
        String source = "पुतिन ने हनोई पहुँचकर, “वार्ता” की।";
        FoldedText folded = FoldedText.of(source);
        List<String> words = new java.util.ArrayList<>();
        for (int t = 0; t < folded.tokenCount(); t++) {
            words.add(source.substring(folded.start(t), folded.end(t)));
        }
        assertThat(words).containsExactly("पुतिन", "ने", "हनोई", "पहुँचकर", "वार्ता", "की");
        assertThat(folded.token(3)).isEqualTo("पहुंचकर");
    }

    @MultiLocaleTest
    void tokenEndIncludesADroppedNukta() {
        String source = "फ़ौज़";
        FoldedText folded = FoldedText.of(source);
        assertThat(folded.tokenCount()).isEqualTo(1);
        assertThat(folded.end(0)).isEqualTo(source.length());
    }
}
