package dev.khabar.console.bench;

import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.RawArticle;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic articles for benchmarks: half Hindi, half English, about the requested
 * size, a mix of defence/diplomacy/visit reporting and unrelated news so every stage does real work.
 */
final class SyntheticArticles {

    private static final List<String> HINDI = List.of(
            "रूस और उत्तर कोरिया ने प्योंगयांग में एक रक्षा समझौते पर हस्ताक्षर किए।",
            "राष्ट्रपति पुतिन ने कहा कि दोनों देशों के संबंध नए स्तर पर पहुंचे हैं।",
            "विदेश मंत्रालय के प्रवक्ता ने बयान जारी कर वार्ता को रचनात्मक बताया।",
            "मानसून इस साल समय से पहले केरल पहुंचा और कई राज्यों में भारी बारिश हुई।",
            "सेंसेक्स आज पहली बार अस्सी हज़ार के पार बंद हुआ, बैंकिंग शेयरों में तेज़ी रही।",
            "भारतीय टीम ने फ़ाइनल मुकाबले में शानदार जीत दर्ज की और दर्शकों ने जश्न मनाया।",
            "पुतिन 20 जून को हनोई पहुंचे जहां उनका स्वागत उप प्रधानमंत्री ने किया।",
            "सेना की तैनाती और मिसाइल परीक्षण पर पड़ोसी देशों ने चिंता जताई।",
            "शहर के बाज़ारों में त्योहार से पहले रौनक लौट आई है।",
            "स्वास्थ्य विशेषज्ञों ने गर्मी में पर्याप्त पानी पीने की सलाह दी।");
    private static final List<String> ENGLISH = List.of(
            "Russia and North Korea signed a mutual defence treaty in Pyongyang on Wednesday.",
            "The foreign ministry described the talks as constructive and forward-looking.",
            "President Putin arrived in Hanoi for a state visit and met Vietnam's leaders.",
            "The monsoon reached the coast a week early, bringing heavy rain to several states.",
            "Shares rose sharply as investors welcomed the central bank's decision on rates.",
            "The home side held on for a narrow win after a tense final quarter.",
            "Officials said the agreement covers energy, education and health cooperation.",
            "Military analysts warned that the pact could change the regional balance.",
            "The city council approved a new budget for schools and public transport.",
            "Doctors advised people to stay indoors during the afternoon heat.");

    private SyntheticArticles() {
    }

    static RawArticle article(int n, int targetChars, Instant at) {
        SplittableRandom rnd = new SplittableRandom(n * 7919L);
        boolean hindi = (n & 1) == 0;
        List<String> pool = hindi ? HINDI : ENGLISH;
        StringBuilder text = new StringBuilder(targetChars + 200);
        int sentences = 0;
        while (text.length() < targetChars) {
            text.append(pool.get(rnd.nextInt(pool.size())));
            text.append(++sentences % 4 == 0 ? "\n" : " ");
        }
        String url = "https://bench.example/" + (hindi ? "hi" : "en") + "/article-" + n;
        String title = pool.get(rnd.nextInt(pool.size()));
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url).setSourceId("bench")
                .setFetchedAt(at).setHttpStatus(200).setTitle(title.substring(0, Math.min(title.length(), 80)))
                .setText(text.toString().strip()).setLanguageHint(hindi ? "hi" : "en").setPublished(at)
                .setExtractorVersion("bench").build();
    }
}
