package dev.khabar.ingest.it;

import static dev.khabar.ingest.it.LocalSite.Answer.html;
import static dev.khabar.ingest.it.LocalSite.Answer.of;
import static dev.khabar.ingest.it.LocalSite.article;
import static dev.khabar.ingest.it.LocalSite.rss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.kafka.EmbeddedKafkaBroker;
import dev.khabar.kafka.EmbeddedKafkaExtension;
import dev.khabar.schemas.FetchLogEntry;
import dev.khabar.schemas.RawArticle;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each kind of source, against a real HTTP server and the embedded broker. */
@ExtendWith(EmbeddedKafkaExtension.class)
class IngestSourcesIT {

    private final EmbeddedKafkaBroker kafka;

    IngestSourcesIT(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
    }

    private static Source source(String id, SourceType type, URI url) {
        return Source.of(id, type, url, Duration.ofHours(1), true);
    }

    @Test
    void rssAndAtomFeedsPublishEachArticleOnce() {
        IngestHarness h = new IngestHarness(kafka, "feeds.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            site.page("/a", html(article("Alpha", "First story about the city council budget.", null)))
                    .page("/b", html(article("Beta", "Second story about the river clean-up drive.", null)))
                    .page("/feed", of(200, "application/rss+xml", rss(site.url("/a"), site.url("/b"), site.url("/a"))))
                    .page("/atom", of(200, "application/atom+xml", "<?xml version=\"1.0\"?>"
                            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:t</id>"
                            + "<updated>2024-06-21T00:00:00Z</updated><entry><title>b</title><id>urn:b</id>"
                            + "<updated>2024-06-21T00:00:00Z</updated><link href=\"" + site.url("/b") + "\"/></entry></feed>"));
            List<Source> sources = List.of(source("rss", SourceType.RSS, URI.create(site.url("/feed"))),
                    source("atom", SourceType.ATOM, URI.create(site.url("/atom"))));
            try (IngestService ingest = h.start("feeds-1", sources)) {
                List<FetchLogEntry> log = h.runOnce(ingest, sources);

                assertThat(IngestHarness.outcomes(log)).isEqualTo(Map.of("published", 2L, "duplicate", 2L));
            }
            assertThat(site.requests("/a")).isEqualTo(1);
            assertThat(site.requests("/b")).isEqualTo(1);
            List<RawArticle> raw = h.rawArticles();
            assertThat(raw).extracting(RawArticle::getTitle).containsExactlyInAnyOrder("Alpha", "Beta");
            assertThat(raw).allSatisfy(r -> assertThat(r.getVersion()).isEqualTo(1));
        }
    }

    @Test
    void sitemapIndexesAreWalkedAndOffSiteUrlsIgnored() {
        IngestHarness h = new IngestHarness(kafka, "sitemap.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            site.page("/sitemap.xml", of(200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                            + "<sitemap><loc>" + site.url("/news-sitemap.xml") + "</loc></sitemap>"
                            + "<sitemap><loc>http://203.0.113.9/elsewhere.xml</loc></sitemap></sitemapindex>"))
                    .page("/news-sitemap.xml", of(200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                            + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
                            + "<url><loc>" + site.url("/n1") + "</loc><lastmod>2024-06-20</lastmod>"
                            + "<news:news><news:publication><news:name>T</news:name><news:language>en</news:language>"
                            + "</news:publication><news:publication_date>2024-06-20</news:publication_date>"
                            + "<news:title>N1</news:title></news:news></url>"
                            + "<url><loc>" + site.url("/n2") + "</loc><lastmod>2024-06-21</lastmod></url>"
                            + "<url><loc>http://198.51.100.7/n3</loc></url></urlset>"))
                    .page("/n1", html(article("News one", "The library extends its opening hours this summer.", null)))
                    .page("/n2", html(article("News two", "A new bus route links the old town and the station.", null)));
            List<Source> sources = List.of(source("sm", SourceType.SITEMAP, URI.create(site.url("/sitemap.xml"))));
            try (IngestService ingest = h.start("sm-1", sources)) {
                assertThat(IngestHarness.outcomes(h.runOnce(ingest, sources))).isEqualTo(Map.of("published", 2L));
            }
            assertThat(h.rawArticles()).extracting(RawArticle::getTitle).containsExactlyInAnyOrder("News one", "News two");
        }
    }

    @Test
    void listingPagesAreFollowedThroughTheirNextLinks() {
        IngestHarness h = new IngestHarness(kafka, "listing.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            site.page("/news/", html("<html><body><h2><a href=\"/p1\">One</a></h2><h2><a href=\"/p2\">Two</a></h2>"
                            + "<a class=\"next\" href=\"/news/page/2\">Older</a></body></html>"))
                    .page("/news/page/2", html("<html><body><h2><a href=\"/p3\">Three</a></h2>"
                            + "<h2><a href=\"http://192.0.2.1/elsewhere\">Off-site</a></h2></body></html>"))
                    .page("/p1", html(article("Post one", "The school opens a new science laboratory.", null)))
                    .page("/p2", html(article("Post two", "The market adds stalls for local farmers.", null)))
                    .page("/p3", html(article("Post three", "Volunteers plant trees along the canal.", null)));
            Source listing = new Source("list", SourceType.LISTING, URI.create(site.url("/news/")), Duration.ofHours(1),
                    true, 100, "h2 a[href]", "a.next", 5, 0);
            try (IngestService ingest = h.start("list-1", List.of(listing))) {
                assertThat(IngestHarness.outcomes(h.runOnce(ingest, List.of(listing)))).isEqualTo(Map.of("published", 3L));
            }
        }
    }

    @Test
    void wordpressPostsComeFromTheRestApiWithoutScrapingTheirPages() {
        IngestHarness h = new IngestHarness(kafka, "wp.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            String post = "{\"id\":7,\"link\":\"" + site.url("/2024/06/pact/") + "\",\"date_gmt\":\"2024-06-21T04:45:00\","
                    + "\"modified_gmt\":\"2024-06-21T06:00:00\",\"title\":{\"rendered\":\"रक्षा समझौता &#8211; विश्लेषण\"},"
                    + "\"content\":{\"rendered\":\"<p>रूस और उत्तर कोरिया ने एक रक्षा समझौते पर हस्ताक्षर किए।</p>"
                    + "<p>दोनों देश एक-दूसरे की सैन्य सहायता करेंगे।</p>\"},"
                    + "\"_embedded\":{\"author\":[{\"name\":\"अमित\"}],\"wp:term\":[[{\"name\":\"विदेश\"}],[{\"name\":\"रूस\"}]]}}";
            site.page("/", html("<html><head><link rel=\"https://api.w.org/\" href=\"" + site.url("/wp-json/")
                            + "\"></head><body>home</body></html>"))
                    .page("/wp-json/wp/v2/posts?per_page=50&page=1&orderby=modified&order=desc&_embed=author,wp:term",
                            of(200, "application/json; charset=UTF-8", "[" + post + "]"));
            List<Source> sources = List.of(source("wp", SourceType.WORDPRESS, site.base()));
            try (IngestService ingest = h.start("wp-1", sources)) {
                assertThat(IngestHarness.outcomes(h.runOnce(ingest, sources))).isEqualTo(Map.of("published", 1L));
            }
            assertThat(site.requests("/2024/06/pact/")).as("the post page is never scraped").isZero();
            RawArticle a = h.rawArticles().get(0);
            assertThat(a.getTitle()).isEqualTo("रक्षा समझौता – विश्लेषण");
            assertThat(a.getText()).contains("सैन्य सहायता");
            assertThat(a.getPublished()).isEqualTo(Instant.parse("2024-06-21T04:45:00Z"));
            assertThat(a.getModified()).isEqualTo(Instant.parse("2024-06-21T06:00:00Z"));
            assertThat(a.getAuthors()).containsExactly("अमित");
            assertThat(a.getTags()).containsExactly("विदेश", "रूस");
        }
    }

    @Test
    void aSingleUrlSourceAndAFailingFeedEachEndInAnOutcome() {
        IngestHarness h = new IngestHarness(kafka, "single.");
        try (LocalSite site = new LocalSite("127.0.0.1")) {
            site.page("/one", html(article("Only one", "A single page source is fetched once.", null)));
            List<Source> sources = List.of(source("one", SourceType.URL, URI.create(site.url("/one"))),
                    source("gone", SourceType.RSS, URI.create(site.url("/missing-feed"))));
            try (IngestService ingest = h.start("single-1", sources)) {
                List<FetchLogEntry> log = h.runOnce(ingest, sources);
                assertThat(IngestHarness.outcomes(log)).isEqualTo(Map.of("published", 1L, "http-error", 1L));
                assertThat(log).filteredOn(e -> e.getOutcome().equals("http-error"))
                        .singleElement().satisfies(e -> assertThat(e.getHttpStatus()).isEqualTo(404));
            }
        }
    }
}
