package dev.khabar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;

/**
 * Pins every field of the blog fixtures in {@code pages/}. What each fixture pins:
 * <ul>
 * <li>{@code wordpress-hindi/pahadi-mela.html} — the seed's kind of page: a Hindi WordPress post
 * with header menu, breadcrumbs, sidebar (with another byline and dates), Jetpack share and like
 * widgets ("इसे शेयर करें"), related posts, an English comment form ("Leave a Reply", "Your
 * email address…"), "Translate »" and "%d bloggers like this:" — none of which may reach the
 * text — and an "आगे पढ़िए:" line that goes to {@code readMoreLinks}. Title without the
 * " – खबर दर्पण" suffix, "द्वारा" byline, article:published/modified_time with +05:30, tags.</li>
 * <li>{@code wordpress-genesis/community-garden.html} — a second theme (Genesis: the content
 * wrapper is named "content-sidebar-wrap"), Yoast JSON-LD {@code @graph} with the author behind an
 * {@code @id}, an ad label, "Read more:" line, newsletter box, author box, related posts with
 * excerpts, a comment thread and "Leave a Comment" form, a sidebar byline with "Email the
 * author", a cookie banner, and a relative canonical link.</li>
 * <li>{@code blogger-hindi/pahadon-ki-yatra.html} — Blogger: text separated by {@code <br>},
 * {@code abbr.published}, "प्रस्तुतकर्ता" author, labels as tags, share buttons, an empty comment
 * form, a sidebar profile, "यह भी पढ़ें:" read-more line, site name from "Blog: Post" titles.</li>
 * </ul>
 */
class ArticleExtractorTest {

    @AfterEach
    void restoreLocale() {
        Locales.restore();
    }

    @MultiLocaleTest
    void wordpressHindiPost(Locale locale) {
        Locales.use(locale);
        ExtractedArticle a = Fixtures.extract("wordpress-hindi/pahadi-mela.html", "https://khabardarpan.example/?p=412");

        assertThat(a.url()).isEqualTo("https://khabardarpan.example/?p=412");
        assertThat(a.canonicalUrl()).isEqualTo("https://khabardarpan.example/2024/06/20/pahadi-mela-lauti-raunak/");
        assertThat(a.title()).isEqualTo("पहाड़ी मेले में लौटी रौनक: तीन साल बाद गाँव में फिर सजा हाट");
        assertThat(a.siteName()).isEqualTo("खबर दर्पण");
        assertThat(a.authors()).containsExactly("मीरा जोशी");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2024-06-20T09:15:42+05:30"));
        assertThat(a.modified()).isEqualTo(OffsetDateTime.parse("2024-06-21T11:02:10+05:30"));
        assertThat(a.language()).isEqualTo("hi");
        assertThat(a.tags()).containsExactly("समाज", "मेला", "उत्तराखंड");
        assertThat(a.text()).isEqualTo(String.join("\n",
                "पहाड़ी मेले में लौटी रौनक",
                "तीन साल के लंबे इंतज़ार के बाद इस बार गाँव का सालाना मेला फिर से सजा। सुबह से ही आसपास के बीस गाँवों के लोग रंग-बिरंगे कपड़ों में मैदान की ओर आते दिखे और दोपहर तक भीड़ इतनी बढ़ गई कि पैर रखने की जगह नहीं बची।",
                "हाट में क्या-क्या बिका",
                "मेले के हाट में हाथ से बुनी ऊनी शॉलें, ताँबे के बर्तन और पहाड़ी दालें सबसे ज़्यादा बिकीं। एक बुनकर ने बताया कि उसने पहले ही दिन अपनी आधी से ज़्यादा शॉलें बेच दीं, जो पिछले मेलों के मुकाबले कहीं बेहतर है।",
                "“हमारे लिए यह मेला सिर्फ़ खरीद-बिक्री नहीं, बिछड़े रिश्तेदारों से मिलने का मौका भी है,” गाँव की बुज़ुर्ग कमला देवी ने कहा।",
                "प्रशासन की तैयारी",
                "मेला स्थल पर पीने के पानी के बारह नए नल लगाए गए।",
                "बुज़ुर्गों के लिए छाया वाले विश्राम स्थल बनाए गए।",
                "ज़िला प्रशासन ने बताया कि अगले साल से मेले की अवधि दो दिन से बढ़ाकर चार दिन करने पर विचार किया जा रहा है, ताकि दूर-दराज़ के कारीगर भी इसमें कारीगर योजना के तहत हिस्सा ले सकें।"));
        assertThat(a.text()).doesNotContain("Leave a Reply", "Your email address", "Translate", "bloggers like this",
                "आगे पढ़िए", "इसे शेयर करें", "संबंधित", "हाल के पोस्ट", "फोटो");
        assertThat(a.readMoreLinks()).containsExactly("https://khabardarpan.example/2024/06/18/bunkaron-ki-kahani/");
        assertThat(a.links()).containsExactly("https://example.org/karigar-yojana");
        assertThat(a.images()).containsExactly(
                new ExtractedImage("https://khabardarpan.example/wp-content/uploads/2024/06/mela.jpg", null),
                new ExtractedImage("https://khabardarpan.example/wp-content/uploads/2024/06/haat.jpg",
                        "हाट में ऊनी शॉलें देखते लोग (फोटो: संवाददाता)"));
        assertThat(a.html()).startsWith("<div class=\"entry-content\">");
        assertThat(a.sources()).containsEntry("published", "meta:article:published_time")
                .containsEntry("title", "og:title+h1").containsEntry("authors", "byline");
    }

    @MultiLocaleTest
    void wordpressGenesisPost(Locale locale) {
        Locales.use(locale);
        ExtractedArticle a = Fixtures.extract("wordpress-genesis/community-garden.html", "https://riverside.example/?p=88");

        assertThat(a.canonicalUrl()).isEqualTo("https://riverside.example/2023/09/14/parking-lot-community-garden/");
        assertThat(a.title()).isEqualTo("How a Parking Lot Became a Community Garden");
        assertThat(a.siteName()).isEqualTo("Riverside Notes");
        assertThat(a.authors()).containsExactly("Dana Whitfield");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2023-09-14T07:30:00-04:00"));
        assertThat(a.modified()).isEqualTo(OffsetDateTime.parse("2023-09-15T16:45:12-04:00"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.tags()).containsExactly("gardening", "neighbourhood", "Community");
        assertThat(a.text()).startsWith("For eleven years the lot behind the old hardware store")
                .contains("\nWhat grows there now\nBeans climb the fence",
                        "\nForty raised beds, each tended by one household.\nA shared herb spiral near the gate.\n",
                        "\nWho takes care of it\n")
                .endsWith("“It turns out vegetables are very good at that.”")
                .doesNotContain("Advertisement", "Read more", "newsletter", "Leave a Comment", "Pat",
                        "never successfully grown", "seed library", "Email the author", "cookies", "Filed Under");
        assertThat(a.text().lines()).hasSize(10);
        assertThat(a.readMoreLinks()).containsExactly("https://riverside.example/2023/05/02/seed-library/");
        assertThat(a.sources()).containsEntry("authors", "json-ld").containsEntry("text", "dom:div.entry-content");
    }

    @MultiLocaleTest
    void bloggerHindiPost(Locale locale) {
        Locales.use(locale);
        String url = "https://yatrakatha.blogspot.example/2024/06/blog-post_21.html";
        ExtractedArticle a = Fixtures.extract("blogger-hindi/pahadon-ki-yatra.html", url);

        assertThat(a.canonicalUrl()).isEqualTo(url);
        assertThat(a.title()).isEqualTo("पहाड़ों की पहली यात्रा: बादलों के बीच एक सुबह");
        assertThat(a.siteName()).isEqualTo("यात्रा कथा");
        assertThat(a.authors()).containsExactly("सुनीता वर्मा");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2024-06-21T10:30:00+05:30"));
        assertThat(a.modified()).isNull();
        assertThat(a.language()).isEqualTo("hi");
        assertThat(a.tags()).containsExactly("यात्रा", "पहाड़");
        assertThat(a.text().lines()).containsExactly(
                "सुबह की ठंडी हवा में हम गाँव से निकले। बस की खिड़की से बाहर देखते हुए लगा कि बादल सड़क के बिल्कुल पास उतर आए हैं और हाथ बढ़ाकर उन्हें छुआ जा सकता है।",
                "पहले पड़ाव पर एक छोटी सी चाय की दुकान थी। दुकान वाले दादाजी ने बताया कि वे चालीस साल से यहीं चाय बना रहे हैं और हर मौसम में यात्रियों की कहानियाँ सुनते हैं।",
                "रास्ते की सबसे यादगार बात",
                "दोपहर में अचानक बारिश शुरू हो गई। हम एक पुराने मंदिर के बरामदे में रुके, जहाँ गाँव के बच्चे कागज़ की नावें बनाकर बहते पानी में छोड़ रहे थे।",
                "शाम तक बादल छँट गए और दूर बर्फ़ से ढकी चोटियाँ दिखने लगीं। लौटते हुए सबने तय किया कि अगली बार पूरे एक हफ़्ते के लिए आएँगे।");
        assertThat(a.readMoreLinks()).containsExactly("https://yatrakatha.blogspot.example/2024/05/blog-post.html");
        assertThat(a.images()).extracting(ExtractedImage::url)
                .containsExactly("https://blogger.googleusercontent.com/img/b/R29vZ2xl/s640/badal.jpg");
        assertThat(a.sources()).containsEntry("published", "itemprop").containsEntry("siteName", "title");
    }
}
