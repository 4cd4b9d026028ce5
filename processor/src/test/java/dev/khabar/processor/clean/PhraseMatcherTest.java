package dev.khabar.processor.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private final PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
            .add("रक्षा समझौता", "pact")
            .add("रक्षा", "defence")
            .add("सेना", "army")
            .add("visit*", "visit")
            .add("Kim Jong-un", "kim")
            .build();

    private List<String> found(String text) {
        FoldedText folded = FoldedText.of(text);
        return matcher.findAll(folded).stream()
                .map(m -> m.value() + "=" + folded.sourceText(m.startToken(), m.endToken()))
                .toList();
    }

    @MultiLocaleTest
    void findsPhrasesOnWordBoundariesLongestFirst() {
        assertThat(found("रक्षा समझौता हुआ")).containsExactly("pact=रक्षा समझौता", "defence=रक्षा");
        // शिवसेना is one word: सेना inside it is not a match
        assertThat(found("शिवसेना की रैली")).isEmpty();
        assertThat(found("शिव सेना")).containsExactly("army=सेना");
    }

    @MultiLocaleTest
    void prefixTokensMatchInflections() {
        assertThat(found("He VISITED Hanoi; visits continue")).containsExactly("visit=VISITED", "visit=visits");
        assertThat(found("a vis to")).isEmpty();
    }

    @MultiLocaleTest
    void aRepeatedWordMatchesAtEachPlaceAndCanContinueAPhraseInTwoWays() {
        PhraseMatcher<String> both = PhraseMatcher.<String>builder()
                .add("visits", "exact").add("visit*", "prefix").add("visit* hanoi", "to-hanoi").build();
        FoldedText folded = FoldedText.of("visits Hanoi, then visits Hue and visited Hanoi");
        assertThat(both.findAll(folded)).extracting(m -> m.value() + "@" + m.startToken() + "-" + m.endToken())
                .containsExactly("to-hanoi@0-2", "exact@0-1", "prefix@0-1", "exact@3-4", "prefix@3-4",
                        "to-hanoi@6-8", "prefix@6-7");
    }

    @MultiLocaleTest
    void equalWordsAreOneTokenNumberedByFirstAppearance() {
        FoldedText folded = FoldedText.of("Visit, VISIT and visit: सितम्बर या सितंबर");
        assertThat(folded.tokenCount()).isEqualTo(7);
        assertThat(folded.distinctTokenCount()).isEqualTo(4);
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).extracting(folded::tokenId).containsExactly(0, 0, 1, 0, 2, 3, 2);
        assertThat(folded.token(3)).isSameAs(folded.token(0)).isEqualTo("visit");
        assertThat(folded.distinctToken(2)).isSameAs(folded.token(6));
    }

    @MultiLocaleTest
    void hyphensAndSpacesAreTheSame() {
        assertThat(found("KIM JONG UN spoke")).containsExactly("kim=KIM JONG UN");
    }

    @Test
    void aLoneStarIsAnyOneWord() {
        PhraseMatcher<String> gap = PhraseMatcher.<String>builder()
                .add("वियतनाम के * दौर*", "visit")
                .build();
        FoldedText text = FoldedText.of("वे वियतनाम के तीन दिवसीय दौरे पर गए, फिर वियतनाम के लंबे दौरे की बात हुई");
        assertThat(gap.findAll(text)).extracting(m -> text.sourceText(m.startToken(), m.endToken()))
                .containsExactly("वियतनाम के लंबे दौरे");
        assertThatThrownBy(() -> PhraseMatcher.<String>builder().add("* दौरे", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start or end");
    }

    @Test
    void rejectsShortPrefixesAndEmptyPhrases() {
        assertThatThrownBy(() -> PhraseMatcher.<String>builder().add("ab*", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ab*");
        assertThatThrownBy(() -> PhraseMatcher.<String>builder().add(" -- ", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no word");
        // a star after punctuation only (which folds to no word) would start the phrase
        assertThatThrownBy(() -> PhraseMatcher.<String>builder().add("- * hanoi", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
