package dev.khabar.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.processor.clean.MultiLocaleTest;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = LanguageDetector.defaults();

    private String detect(String text) {
        LanguageDetector.Detection d = detector.detect(text, null);
        return d.language() + "/" + d.script();
    }

    @MultiLocaleTest
    void hindiInDevanagari() {
        assertThat(detect("प्रधानमंत्री ने कहा कि दोनों देशों के बीच संबंध मजबूत हैं और आगे भी रहेंगे।"))
                .isEqualTo("hi/Devanagari");
    }

    @MultiLocaleTest
    void romanisedHindi() {
        assertThat(detect("Kya aapko pata hai ki Putin ne Vietnam mein kya kaha? Yeh baat sabko nahi pata."))
                .isEqualTo("hi/Latin");
    }

    @MultiLocaleTest
    void english() {
        assertThat(detect("The president said that the talks with his counterpart were constructive and useful."))
                .isEqualTo("en/Latin");
    }

    @MultiLocaleTest
    void russianAndUkrainian() {
        assertThat(detect("Президент России прибыл во Вьетнам с государственным визитом, сообщили в Кремле."))
                .isEqualTo("ru/Cyrillic");
        assertThat(detect("Президент заявив, що переговори були корисними і відкритими.")).isEqualTo("uk/Cyrillic");
    }

    @MultiLocaleTest
    void vietnamese() {
        assertThat(detect("Tổng thống Nga đã đến Hà Nội trong chuyến thăm cấp nhà nước tới Việt Nam."))
                .isEqualTo("vi/Latin");
    }

    @Test
    void marathiAndNepaliMarkersOverrideHindi() {
        assertThat(detect("राष्ट्रपतींनी सांगितले की दोन्ही देशांचे संबंध मजबूत आहेत आणि ते पुढेही राहतील."))
                .isEqualTo("mr/Devanagari");
        assertThat(detect("प्रधानमन्त्रीले भने कि दुई देशबीचको सम्बन्ध बलियो छ र यो पनि भएको छ।"))
                .isEqualTo("ne/Devanagari");
    }

    @Test
    void otherScriptsAndTheHint() {
        assertThat(detect("প্রধানমন্ত্রী বলেছেন")).isEqualTo("bn/Bengali");
        assertThat(detect("12345 !!!")).isEqualTo("und/Zyyy");
        assertThat(detector.detect("Hanoi", "hi-IN").language()).isEqualTo("hi");
        assertThat(detector.detect("Hanoi", null).language()).isEqualTo("und");
    }
}
