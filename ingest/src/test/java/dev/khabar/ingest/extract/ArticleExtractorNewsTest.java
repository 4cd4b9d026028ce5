package dev.khabar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;

/**
 * Pins the news, Ghost and odd-page fixtures in {@code pages/}. What each fixture pins:
 * <ul>
 * <li>{@code news-jsonld/harbour-wind-farm.html} — NewsArticle JSON-LD with two authors and
 * offsets, a cookie banner, ticker, breadcrumbs, standfirst, lead figure with a photo credit (kept
 * out of the caption), inline ad label, "Read more:" line, related aside, newsletter promo,
 * share links, "Most read" list.</li>
 * <li>{@code news-hindi/solar-pump-yojana.html} — no JSON-LD and no html lang: language from the
 * text, published only as visible Devanagari-digit text ("१९ जून २०२४") so it gets the offset of
 * the page's modified time, "द्वारा: name, city" byline (the city is not an author), "विज्ञापन"
 * labels, a "यह भी पढ़ें" box and a "ये भी पढ़ें-" line, related and trending lists.</li>
 * <li>{@code ghost/slow-bread.html} — Ghost/Medium-style: byline block with avatar and reading
 * time, a date-only {@code <time>} (midnight UTC), blockquote, list, {@code <pre>} lines, image
 * card with caption, bookmark card, signup call to action, "read more" post cards.</li>
 * <li>{@code jsonld-only/app-shell.html} — a JavaScript shell: the body comes from JSON-LD
 * {@code articleBody} (in an HTML comment), date-only published takes the modified offset.</li>
 * <li>{@code no-body/bare-fragment.html} — no {@code <body>} tag at all.</li>
 * <li>{@code windows-1252/cafe-street-works.html} — windows-1252 bytes (curly quotes, é, €) in a
 * table layout, visible "Posted:" date.</li>
 * </ul>
 */
class ArticleExtractorNewsTest {

    @AfterEach
    void restoreLocale() {
        Locales.restore();
    }

    @MultiLocaleTest
    void newsSiteWithJsonLd(Locale locale) {
        Locales.use(locale);
        ExtractedArticle a = Fixtures.extract("news-jsonld/harbour-wind-farm.html",
                "https://www.coastalledger.example/business/2024/03/07/harbour-wind-farm-approval?utm_source=feed");

        assertThat(a.canonicalUrl()).isEqualTo("https://www.coastalledger.example/business/2024/03/07/harbour-wind-farm-approval");
        assertThat(a.title()).isEqualTo("Harbour wind farm wins approval after four-year review");
        assertThat(a.siteName()).isEqualTo("The Coastal Ledger");
        assertThat(a.authors()).containsExactly("Priya Natarajan", "Tom Becker");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2024-03-07T06:00:00Z"));
        assertThat(a.modified()).isEqualTo(OffsetDateTime.parse("2024-03-07T14:20:00Z"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.tags()).containsExactly("energy", "wind power", "planning", "Business");
        assertThat(a.text()).contains(
                "A twelve-turbine wind farm off the harbour mouth was approved on Wednesday",
                "\nFishing concerns\nLocal fishing crews had objected",
                "\n\"We did not get everything we asked for",
                "Council members voted nine to two in favour.")
                .endsWith("The developer, Northwind Coastal, has said it will publish a construction timetable within a month.")
                .doesNotContain("Advertisement", "Read more", "cookies", "Morning Briefing", "Share on", "Most read",
                        "Grid upgrade", "Photograph", "Priya Natarajan", "Ferry");
        assertThat(a.readMoreLinks()).containsExactly("https://www.coastalledger.example/news/2023/11/02/fishing-channel");
        assertThat(a.images()).containsExactly(
                new ExtractedImage("https://cdn.coastalledger.example/images/turbines-1200.jpg", null),
                new ExtractedImage("https://cdn.coastalledger.example/images/turbines-800.jpg", "Turbines off the northern coast."));
    }

    @MultiLocaleTest
    void hindiNewsWithVisibleDevanagariDate(Locale locale) {
        Locales.use(locale);
        ExtractedArticle a = Fixtures.extract("news-hindi/solar-pump-yojana.html",
                "https://gramsamachar.example/krishi/solar-pump-yojana-19062024");

        assertThat(a.title()).isEqualTo("सौर पंप योजना से बदली खेती, किसानों का डीज़ल खर्च आधा");
        assertThat(a.siteName()).isEqualTo("ग्राम समाचार");
        assertThat(a.authors()).containsExactly("अनिल कुमार");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2024-06-19T00:00:00+05:30"));
        assertThat(a.modified()).isEqualTo(OffsetDateTime.parse("2024-06-19T18:40:00+05:30"));
        assertThat(a.language()).isEqualTo("hi");
        assertThat(a.sources()).containsEntry("language", "text");
        assertThat(a.text().lines()).hasSize(5).first().asString().startsWith("ज़िले के सात गाँवों में");
        assertThat(a.text()).contains("\nकैसे मिलता है योजना का लाभ\n")
                .doesNotContain("विज्ञापन", "पढ़ें", "मानसून", "टैग", "संबंधित", "ट्रेंडिंग", "फेसबुक");
        assertThat(a.readMoreLinks()).containsExactly("https://gramsamachar.example/krishi/barish-ki-bhavishyavani",
                "https://gramsamachar.example/krishi/beej-bank");
    }

    @MultiLocaleTest
    void ghostPost(Locale locale) {
        Locales.use(locale);
        ExtractedArticle a = Fixtures.extract("ghost/slow-bread.html", "https://lenahart.example/slow-bread/");

        assertThat(a.title()).isEqualTo("What Slow Bread Taught Me About Deadlines");
        assertThat(a.authors()).containsExactly("Lena Hart");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2023-11-02T00:00:00Z"));
        assertThat(a.text()).startsWith("I started baking sourdough")
                .contains("\nThe dough sets the pace\n", "\nGood bread is mostly waiting, done well.\n",
                        "\nWrite down what \"done\" looks like before I begin.\n", "\nfeed starter: 09:00\nmix dough: 13:00\n")
                .endsWith("It just took a few dense loaves for me to actually believe it.")
                .doesNotContain("min read", "Subscribe", "Sign up", "doorstop", "open crumb", "Powered by");
        assertThat(a.links()).containsExactly("https://example.com/on-patience");
        assertThat(a.images()).first().isEqualTo(
                new ExtractedImage("https://lenahart.example/content/images/2023/11/loaf.jpg", null));
        assertThat(a.images()).extracting(ExtractedImage::caption)
                .contains("The third attempt, finally edible.", "An open crumb, after six weeks of practice.");
    }

    @MultiLocaleTest
    void bodyOnlyInJsonLd(Locale locale) {
        Locales.use(locale);
        ExtractedArticle a = Fixtures.extract("jsonld-only/app-shell.html", "https://railweekly.example/night-trains");

        assertThat(a.hasBody()).isTrue();
        assertThat(a.text()).isEqualTo("""
                Sleeper services are running again on the northern line for the first time since 2019.
                The operator has refurbished eight carriages with new bunks and small washrooms.
                Tickets for the first month sold out within two days, the company said.""");
        assertThat(a.sources()).containsEntry("text", "json-ld");
        assertThat(a.html()).isNull();
        assertThat(a.title()).isEqualTo("Night trains return to the northern line");
        assertThat(a.authors()).containsExactly("Jonas Eklund");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2022-12-05T00:00:00+01:00"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.images()).extracting(ExtractedImage::url).containsExactly("https://railweekly.example/img/sleeper.jpg");
    }

    @MultiLocaleTest
    void pageWithoutBody(Locale locale) {
        Locales.use(locale);
        ExtractedArticle a = Fixtures.extract("no-body/bare-fragment.html", "https://stadt.example/radwege");

        assertThat(a.title()).isEqualTo("Neue Fahrradwege am Fluss");
        assertThat(a.language()).isEqualTo("de");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2024-04-18T08:00:00+02:00"));
        assertThat(a.text().lines()).hasSize(2).allMatch(l -> l.startsWith("Die Stadt") || l.startsWith("Nach Angaben"));
    }

    @MultiLocaleTest
    void windows1252Page(Locale locale) {
        Locales.use(locale);
        ExtractedArticle a = Fixtures.extract("windows-1252/cafe-street-works.html", "https://oldtown.example/news/cafes.htm");

        assertThat(a.title()).isEqualTo("Café owners rally against street works");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2009-02-03T00:00:00Z"));
        assertThat(a.text()).contains("“Nobody wants to drink a latte next to a jackhammer,”", "The naïve hope",
                "works – which include", "from £2 to €3").doesNotContain("Archive", "Contact us", "Posted:", "©");
        assertThat(a.text().lines()).hasSize(3);
    }
}
