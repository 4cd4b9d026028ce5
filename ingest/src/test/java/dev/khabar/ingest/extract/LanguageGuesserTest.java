package dev.khabar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {

    @AfterEach
    void restoreLocale() {
        Locales.restore();
    }

    @ParameterizedTest
    @CsvSource({"en-US,en", "hi_IN,hi", "HI,hi", "eng,en", "x-default,", "'',", "pt-BR,pt", "zh-Hant-TW,zh"})
    void normalisesDeclaredCodes(String declared, String expected) {
        assertThat(LanguageGuesser.normalise(declared)).isEqualTo(expected);
    }

    @MultiLocaleTest
    void guessesFromScriptAndMarkers(Locale locale) {
        Locales.use(locale);
        assertThat(LanguageGuesser.guess("यह एक छोटा सा वाक्य है और इसमें कुछ शब्द हैं जो हिंदी के हैं।")).isEqualTo("hi");
        assertThat(LanguageGuesser.guess("हे एक छोटे वाक्य आहे आणि त्यात काही शब्द आहेत जे मराठीच्या आहेत.")).isEqualTo("mr");
        assertThat(LanguageGuesser.guess("यो एउटा सानो वाक्य हो र यसमा केही शब्दहरू छन्। उनीहरूले काम गर्न थालेका छन्।")).isEqualTo("ne");
        assertThat(LanguageGuesser.guess("THE ISLAND IS IN THE NORTH AND IT IS KNOWN FOR ITS LIGHTHOUSE THAT IS OLD")).isEqualTo("en");
        assertThat(LanguageGuesser.guess("Это короткое предложение на русском языке для проверки.")).isEqualTo("ru");
        assertThat(LanguageGuesser.guess("이것은 한국어로 된 짧은 문장입니다 확인을 위해서 작성했습니다")).isEqualTo("ko");
        assertThat(LanguageGuesser.guess("short")).isNull();
    }
}
