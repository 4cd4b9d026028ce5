package dev.khabar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-06-20T10:15:30+05:30 | 2024-06-20T10:15:30 | +05:30 | true",
        "2024-06-20T10:15:30.123Z  | 2024-06-20T10:15:30 | Z      | true",
        "2024-06-20T10:15:30+0530  | 2024-06-20T10:15:30 | +05:30 | true",
        "2024-06-20 10:15          | 2024-06-20T10:15    |        | true",
        "2024-06-20                | 2024-06-20T00:00    |        | false",
        "June 20, 2024             | 2024-06-20T00:00    |        | false",
        "Thursday, June 20, 2024   | 2024-06-20T00:00    |        | false",
        "20 June 2024 10:30 am IST | 2024-06-20T10:30    | +05:30 | true",
        "Jun 20, 2024 3:05 PM EDT  | 2024-06-20T15:05    | -04:00 | true",
        "जून 21, 2024              | 2024-06-21T00:00    |        | false",
        "20 जून 2024               | 2024-06-20T00:00    |        | false",
        "१९ जून २०२४               | 2024-06-19T00:00    |        | false",
        "20 फ़रवरी 2024             | 2024-02-20T00:00    |        | false",
        "19 de novembro de 2019    | 2019-11-19T00:00    |        | false",
        "19 ноября 2019            | 2019-11-19T00:00    |        | false",
        "2019년 11월 19일           | 2019-11-19T00:00    |        | false",
        "19/11/2019                | 2019-11-19T00:00    |        | false",
        "1574168580                | 2019-11-19T13:03    | Z      | true",
    })
    void parsesDatesPagesPrint(String raw, String local, String offset, boolean hasTime) {
        ParsedDate d = DateParser.parse(raw);
        assertThat(d).as(raw).isNotNull();
        assertThat(d.dateTime().withSecond(local.length() > 16 ? d.dateTime().getSecond() : 0))
                .isEqualTo(LocalDateTime.parse(local));
        assertThat(d.offset()).isEqualTo(offset == null ? null : ZoneOffset.of(offset));
        assertThat(d.hasTime()).isEqualTo(hasTime);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no date here", "May we help you?", "Posted 3 hours ago", "1200 words", "३ घंटे पहले"})
    void returnsNullWithoutADate(String raw) {
        assertThat(DateParser.parse(raw)).isNull();
    }
}
