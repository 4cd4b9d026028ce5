package dev.khabar.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleRomanizerTest {

    private final TitleRomanizer romanizer = new TitleRomanizer();

    @Test
    void hindiWithSchwaDeletion() {
        assertThat(romanizer.romanize("रूस-नार्थ कोरिया रक्षा समझौता")).isEqualTo("rus-narth koriya raksha samjhauta");
        assertThat(romanizer.romanize("पुतिन की वियतनाम की यात्रा")).isEqualTo("putin ki viyatnam ki yatra");
        assertThat(romanizer.romanize("दोनों देश मिलकर हमला करेंगे")).isEqualTo("donon desh milkar hamla karenge");
        // the inherent vowel stays after य/र clusters and before a cluster
        assertThat(romanizer.romanize("अन्य मित्र सितम्बर")).isEqualTo("anya mitra sitambar");
        // nukta letters, digits and the danda
        assertThat(romanizer.romanize("फ़ौज ने १९ जून को ज़मीन ली।")).isEqualTo("fauj ne 19 jun ko zamin li.");
    }

    @Test
    void otherScriptsGoThroughIcu() {
        assertThat(romanizer.romanize("Путин прибыл в Ханой")).isEqualTo("Putin pribyl v Hanoj");
    }

    @Test
    void latinOrEmptyTitlesAreNotRomanised() {
        assertThat(romanizer.romanize("Putin in Hanoi")).isNull();
        assertThat(romanizer.romanize("Hà Nội đón Tổng thống")).isNull();
        assertThat(romanizer.romanize("  ")).isNull();
        assertThat(romanizer.romanize(null)).isNull();
    }
}
