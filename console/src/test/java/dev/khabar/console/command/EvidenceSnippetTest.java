package dev.khabar.console.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.console.view.EvidenceSnippet;
import dev.khabar.console.view.EvidenceSnippet.Part;
import dev.khabar.console.view.EvidenceSnippet.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code watch --pretty} and the dashboard place a label's evidence in the title and body. */
class EvidenceSnippetTest {

    private static final String TITLE = "रूस और उत्तर कोरिया के बीच रक्षा संधि: हमला हुआ तो सैन्य मदद";
    private static final String TEXT = "Pyongyang, 19 June. The two leaders signed a comprehensive strategic partnership "
            + "treaty on Wednesday.\nIt obliges each side to provide military assistance if the other is attacked, "
            + "officials said. Analysts in Seoul called it the most significant defence agreement between the two "
            + "countries since the end of the Cold War, and warned of an arms race in the region.";

    @Test
    void allTitleMatchesOfALabelShareOneSnippetOfTheWholeTitle() {
        List<EvidenceSnippet> s = EvidenceSnippet.of("defence", List.of(span("title", TITLE, "रक्षा संधि"),
                span("title", TITLE, "सैन्य")), TITLE, TEXT, 2);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).plain()).isEqualTo(TITLE);
        assertThat(s.get(0).parts()).filteredOn(Part::match).extracting(Part::text).containsExactly("रक्षा संधि", "सैन्य");
    }

    @Test
    void bodyMatchesGetContextCutAtWordsAndFarApartOnesAreSeparate() {
        List<EvidenceSnippet> s = EvidenceSnippet.of("defence", List.of(span("body", TEXT, "arms race"),
                span("lead", TEXT, "military assistance")), TITLE, TEXT, 5);
        assertThat(s).hasSize(2);
        EvidenceSnippet first = s.get(0);
        assertThat(first.field()).isEqualTo("lead");
        assertThat(first.plain()).startsWith("…").endsWith("…").contains("provide military assistance if the other")
                .doesNotContain("\n");
        assertThat(first.plain().length()).isLessThan(2 * EvidenceSnippet.CONTEXT + 60);
        // cut at spaces, never in the middle of a word
        String inner = first.plain().substring(1, first.plain().length() - 1);
        assertThat(TEXT.replace('\n', ' ')).contains(inner);
        assertThat(inner).doesNotStartWith(" ").doesNotEndWith(" ");
        assertThat(s.get(1).parts()).filteredOn(Part::match).extracting(Part::text).containsExactly("arms race");
    }

    @Test
    void nearbyBodyMatchesShareOneSnippetAndTheLimitHolds() {
        List<EvidenceSnippet> s = EvidenceSnippet.of("defence", List.of(span("body", TEXT, "defence agreement"),
                span("body", TEXT, "Cold War"), span("body", TEXT, "arms race"), span("title", TITLE, "सैन्य")),
                TITLE, TEXT, 2);
        assertThat(s).extracting(EvidenceSnippet::field).containsExactly("title", "body");
        assertThat(s.get(1).parts()).filteredOn(Part::match).extracting(Part::text)
                .containsExactly("defence agreement", "Cold War", "arms race");
    }

    @Test
    void offsetsThatDoNotFitTheTextShowTheEvidenceAlone() {
        List<EvidenceSnippet> s = EvidenceSnippet.of("defence", List.of(new Span("body", "treaty", 5000, 5006),
                new Span("title", "मिसाइल", 0, 6)), TITLE, TEXT, 3);
        assertThat(s).hasSize(2).allSatisfy(x -> assertThat(x.parts()).hasSize(1).allMatch(Part::match));
        assertThat(s).extracting(EvidenceSnippet::plain).containsExactly("treaty", "मिसाइल");
    }

    private static Span span(String field, String source, String match) {
        int at = source.indexOf(match);
        assertThat(at).as(match).isNotNegative();
        return new Span(field, match, at, at + match.length());
    }
}
