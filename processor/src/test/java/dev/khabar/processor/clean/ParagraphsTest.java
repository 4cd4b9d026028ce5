package dev.khabar.processor.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphsTest {

    @Test
    void shortUnpunctuatedLinesBeforeABodyParagraphAreHeadings() {
        String text = "मॉस्को की प्रतिक्रिया\nरूसी अखबारों ने इस यात्रा को बड़ी सफलता बताया। विदेश मंत्रालय ने भी बयान दिया।\n"
                + "आगे क्या होगा?\nअगली बैठक अगले साल होगी।";
        List<Paragraphs.Paragraph> ps = Paragraphs.of(text);
        assertThat(ps).extracting(Paragraphs.Paragraph::heading).containsExactly(true, false, false, false);
        assertThat(text.substring(ps.get(0).start(), ps.get(0).end())).isEqualTo("मॉस्को की प्रतिक्रिया");
    }

    @Test
    void aListOfShortLinesIsNotAHeadingRun() {
        List<Paragraphs.Paragraph> ps = Paragraphs.of("apples\npears\nplums");
        assertThat(ps).extracting(Paragraphs.Paragraph::heading).containsExactly(false, false, false);
    }

    @Test
    void sentencesEndAtDandaAndFullStopsButNotInitials() {
        String text = "पुतिन पहुंचे। U.S. officials watched. Then what? Done";
        List<Integer> ends = Paragraphs.sentenceEnds(text, 0, text.length());
        assertThat(ends.stream().map(e -> text.substring(0, e)).toList()).containsExactly(
                "पुतिन पहुंचे।", "पुतिन पहुंचे। U.S. officials watched.",
                "पुतिन पहुंचे। U.S. officials watched. Then what?", text);
    }

    @Test
    void titlesDoNotEndSentencesAndSentencesStartAfterTheSpace() {
        String text = "Prime Minister Mr. Modi met Lt. Gen. Rao. He said no.\nNew paragraph here.";
        int[] starts = Paragraphs.sentenceStarts(text, Paragraphs.of(text));
        assertThat(java.util.Arrays.stream(starts).mapToObj(s -> text.substring(s, s + 3)).toList())
                .containsExactly("Pri", "He ", "New");
        assertThat(Paragraphs.sentenceAt(starts, text.indexOf("Rao"))).isZero();
        assertThat(Paragraphs.sentenceAt(starts, text.indexOf("said"))).isEqualTo(1);
        assertThat(Paragraphs.sentenceAt(starts, text.length() - 1)).isEqualTo(2);
    }
}
