package dev.khabar.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String ARTICLE = "रूस के राष्ट्रपति व्लादिमीर पुतिन उत्तर कोरिया की दो दिन की यात्रा के बाद गुरुवार सुबह हनोई पहुंचे। "
            + "वहां उप प्रधानमंत्री ने उनका स्वागत किया। इसके बाद दोनों देशों ने ऊर्जा, शिक्षा और स्वास्थ्य में सहयोग के "
            + "कई ज्ञापनों पर हस्ताक्षर किए। पुतिन ने कहा कि बातचीत अच्छी रही और कई अंतरराष्ट्रीय सवालों पर दोनों देशों की "
            + "राय मिलती-जुलती है। पश्चिमी देशों ने इस दौरे पर नाराजगी जताई है।";

    @Test
    void smallEditsGiveSmallDistances() {
        String edited = ARTICLE.replace("गुरुवार सुबह", "गुरुवार तड़के").replace("अच्छी रही", "बहुत अच्छी रही");
        long a = SimHash.of(ARTICLE);
        long b = SimHash.of(edited);
        assertThat(SimHash.hammingDistance(a, b)).isLessThanOrEqualTo(10);
        // spelling variants and punctuation do not count at all
        assertThat(SimHash.of(ARTICLE.replace("पहुंचे", "पहुँचे").replace("।", "."))).isEqualTo(a);
    }

    @Test
    void unrelatedTextsAreFarApart() {
        String other = "The city council approved a new budget for road repairs on Tuesday, and the mayor said that "
                + "work on the bridges would start in the spring after the rains, with three contractors bidding.";
        assertThat(SimHash.hammingDistance(SimHash.of(ARTICLE), SimHash.of(other))).isGreaterThanOrEqualTo(18);
    }

    @Test
    void hammingDistanceCountsDifferingBits() {
        assertThat(SimHash.hammingDistance(0L, -1L)).isEqualTo(64);
        assertThat(SimHash.hammingDistance(0b1011L, 0b0001L)).isEqualTo(2);
        assertThat(SimHash.of("")).isZero();
    }
}
