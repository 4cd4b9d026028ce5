package dev.khabar.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.processor.clean.FoldedText;
import dev.khabar.processor.clean.MultiLocaleTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateExtractorTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2024, 6, 21);
    private final DateExtractor dates = DateExtractor.defaults();

    private List<DateMatch> find(String text, LocalDate published) {
        List<DateMatch> found = dates.extract(FoldedText.of(text), published);
        for (DateMatch d : found) {
            assertThat(text.substring(d.start(), d.end())).isEqualTo(d.text());
        }
        return found;
    }

    private List<LocalDate> days(String text) {
        return find(text, PUBLISHED).stream().map(DateMatch::date).toList();
    }

    @MultiLocaleTest
    void hindiDates() {
        assertThat(days("समझौता 19 जून को हुआ")).containsExactly(LocalDate.of(2024, 6, 19));
        assertThat(days("१९ जून २०२४ को")).containsExactly(LocalDate.of(2024, 6, 19));
        assertThat(days("जून 21, 2024 को")).containsExactly(LocalDate.of(2024, 6, 21));
        assertThat(days("5 सितम्बर और 5 सितंबर")).containsExactly(LocalDate.of(2024, 9, 5), LocalDate.of(2024, 9, 5));
        assertThat(days("3 फ़रवरी 2025")).containsExactly(LocalDate.of(2025, 2, 3));
        assertThat(days("12 अक्तूबर 2023")).containsExactly(LocalDate.of(2023, 10, 12));
    }

    @MultiLocaleTest
    void dayAndWeekdayFormsOfTheSeed() {
        List<DateMatch> found = find("उन्होंने 19/ जून बुधवार को और फिर 20/जून गुरुवार की सुबह", PUBLISHED);
        assertThat(found).extracting(DateMatch::text).containsExactly("19/ जून बुधवार", "20/जून गुरुवार");
        assertThat(found).extracting(DateMatch::date)
                .containsExactly(LocalDate.of(2024, 6, 19), LocalDate.of(2024, 6, 20));
    }

    @MultiLocaleTest
    void englishRussianAndVietnameseDates() {
        assertThat(days("on June 20 in Hanoi")).containsExactly(LocalDate.of(2024, 6, 20));
        assertThat(days("on 20 June 2024")).containsExactly(LocalDate.of(2024, 6, 20));
        assertThat(days("the 20th June summit")).containsExactly(LocalDate.of(2024, 6, 20));
        assertThat(days("JUNE 19, 2024")).containsExactly(LocalDate.of(2024, 6, 19));
        assertThat(days("20 июня 2024 года")).containsExactly(LocalDate.of(2024, 6, 20));
        assertThat(days("ngày 20 tháng 6")).containsExactly(LocalDate.of(2024, 6, 20));
    }

    @Test
    void numericDates() {
        assertThat(days("on 20/06/2024 and 2024-06-19")).containsExactly(LocalDate.of(2024, 6, 20),
                LocalDate.of(2024, 6, 19));
        assertThat(days("on 06/20/2024")).containsExactly(LocalDate.of(2024, 6, 20));
    }

    @Test
    void yearIsInferredFromPublication() {
        LocalDate newYear = LocalDate.of(2024, 1, 3);
        assertThat(find("the meeting on 28 December", newYear)).extracting(DateMatch::date)
                .containsExactly(LocalDate.of(2023, 12, 28));
        assertThat(find("the summit on 15 July", PUBLISHED)).extracting(DateMatch::date)
                .containsExactly(LocalDate.of(2024, 7, 15));
        assertThat(find("talks resume on January 5", LocalDate.of(2024, 12, 30))).extracting(DateMatch::date)
                .containsExactly(LocalDate.of(2025, 1, 5));
    }

    @Test
    void withoutPublicationTheTextsYearIsUsedOrTheDateSkipped() {
        assertThat(find("In 2019 there was a summit on 28 February.", null)).extracting(DateMatch::date)
                .containsExactly(LocalDate.of(2019, 2, 28));
        assertThat(find("a summit on 28 February", null)).isEmpty();
    }

    @Test
    void ignoresNonDates() {
        assertThat(days("31 June was not a day")).isEmpty();
        assertThat(days("about 20 may have died")).isEmpty();
        assertThat(days("40 June")).isEmpty();
        assertThat(days("20 mar gaye, 20 मार्च")).containsExactly(LocalDate.of(2024, 3, 20));
    }
}
