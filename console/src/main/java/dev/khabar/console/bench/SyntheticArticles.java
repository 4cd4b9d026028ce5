package dev.khabar.console.bench;

import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
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

    // Local-news detail sentences filled from these slots follow every pooled sentence, so that articles,
    // like real ones, differ in most of their word shingles: made of the pools alone, every article would be a
    // near copy of every other, and the bench would measure one 20,000-article duplicate cluster.
    private static final String[] EN_WHO = {"Officials", "Residents", "Traders", "Teachers", "Engineers", "Farmers",
        "Volunteers", "Doctors", "Police officers", "Students"};
    private static final String[] EN_WHERE = {"Lucknow", "Pune", "Jaipur", "Kochi", "Patna", "Indore", "Bhopal", "Surat",
        "Nagpur", "Agra", "Ranchi", "Guwahati"};
    private static final String[] EN_WHAT = {"buses", "schools", "bridges", "clinics", "wells", "shops", "roads", "farms",
        "libraries", "markets"};
    private static final String[] EN_DONE = {"were repaired", "reopened", "were inspected", "were built", "closed",
        "were upgraded", "were funded", "were surveyed"};
    private static final String[] EN_WHEN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] HI_WHO = {"अधिकारियों", "निवासियों", "व्यापारियों", "शिक्षकों", "इंजीनियरों", "किसानों",
        "स्वयंसेवकों", "डॉक्टरों", "पुलिस", "छात्रों"};
    private static final String[] HI_WHERE = {"लखनऊ", "पुणे", "जयपुर", "कोच्चि", "पटना", "इंदौर", "भोपाल", "सूरत", "नागपुर",
        "आगरा", "रांची", "गुवाहाटी"};
    private static final String[] HI_WHAT = {"बसों", "स्कूलों", "पुलों", "क्लीनिकों", "कुओं", "दुकानों", "सड़कों", "खेतों",
        "पुस्तकालयों", "बाज़ारों"};
    private static final String[] HI_DONE = {"की मरम्मत हुई", "को फिर खोला गया", "का निरीक्षण किया गया", "का निर्माण हुआ",
        "को बंद किया गया", "को बेहतर बनाया गया"};

    private SyntheticArticles() {
    }

    /** @param targetBytes size of the text in UTF-8 (a Devanagari letter takes three bytes, a Latin one one) */
    static RawArticle article(int n, int targetBytes, Instant at) {
        SplittableRandom rnd = new SplittableRandom(n * 7919L);
        boolean hindi = (n & 1) == 0;
        List<String> pool = hindi ? HINDI : ENGLISH;
        StringBuilder text = new StringBuilder(targetBytes + 200);
        int sentences = 0;
        int bytes = 0;
        while (bytes < targetBytes) {
            String sentence = pool.get(rnd.nextInt(pool.size())) + " " + detail(rnd, hindi);
            text.append(sentence);
            text.append(++sentences % 4 == 0 ? "\n" : " ");
            bytes += sentence.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        String url = "https://bench.example/" + (hindi ? "hi" : "en") + "/article-" + n;
        String title = pool.get(rnd.nextInt(pool.size()));
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(url)).setUrl(url).setCanonicalUrl(url).setSourceId("bench")
                .setFetchedAt(at).setHttpStatus(200).setTitle(title.substring(0, Math.min(title.length(), 80)))
                .setText(text.toString().strip()).setLanguageHint(hindi ? "hi" : "en").setPublished(at)
                .setExtractorVersion("bench").build();
    }

    private static String detail(SplittableRandom rnd, boolean hindi) {
        int count = 2 + rnd.nextInt(998);
        if (hindi) {
            return pick(rnd, HI_WHERE) + " में " + pick(rnd, HI_WHO) + " ने बताया कि " + count + " " + pick(rnd, HI_WHAT) + " "
                    + pick(rnd, HI_DONE) + "।";
        }
        return pick(rnd, EN_WHO) + " in " + pick(rnd, EN_WHERE) + " said " + count + " " + pick(rnd, EN_WHAT) + " "
                + pick(rnd, EN_DONE) + " on " + pick(rnd, EN_WHEN) + ".";
    }

    private static String pick(SplittableRandom rnd, String[] words) {
        return words[rnd.nextInt(words.length)];
    }
}
