package dev.khabar.ingest.hostile;

import static dev.khabar.ingest.hostile.HostileResponses.html;
import static dev.khabar.ingest.hostile.HostileResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Discovered;
import dev.khabar.ingest.source.DiscoveryException;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceScanner;
import dev.khabar.ingest.source.SourceType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile sources: feeds and sitemaps that attack the XML parser (external entities, parameter
 * entities, billion laughs), that are enormous, or that point ingest at somebody else's site.
 * Every XML parser in ingest must refuse entities without a single request or file read, and a
 * source's output is bounded by its {@code max-articles}.
 */
class HostileSourcesIT {

    private static HostileServer web;
    private static HostileServer elsewhere;
    private static String base;

    @BeforeAll
    static void serve() {
        web = new HostileServer("127.0.0.1");
        elsewhere = new HostileServer("127.0.0.2");
        base = web.base().toString();
        String rssHead = "<rss version=\"2.0\"><channel><title>t</title><link>" + base + "</link><description>d</description>";
        String item = "<item><title>i</title><link>" + base + "a</link></item>";
        web.on("/xxe-target", ok("text/plain", bytes("PWNED")))
                .on("/xxe.dtd", ok("application/xml-dtd", bytes("<!ENTITY exfil SYSTEM \"" + base + "xxe-target\">")))
                .on("/rss-xxe-http", xml("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + base
                        + "xxe-target\">]>" + rssHead.replace("<title>t</title>", "<title>&xxe;</title>") + item + "</channel></rss>"))
                .on("/rss-xxe-file", xml("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                        + rssHead + "<item><title>&xxe;</title><link>" + base + "&xxe;</link></item></channel></rss>"))
                .on("/rss-lol", xml(billionLaughs("rss") + rssHead.replace("<title>t</title>", "<title>&lol9;</title>") + item
                        + "</channel></rss>"))
                .on("/atom-parameter-entity", xml("<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY % remote SYSTEM \"" + base
                        + "xxe.dtd\"> %remote;]><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&exfil;</title><id>urn:x</id>"
                        + "<updated>2024-06-21T00:00:00Z</updated></feed>"))
                .on("/rss-100k", xml(hugeRss(rssHead, 100_000)))
                .on("/feed-is-html", html("<html><body><h1>Not a feed</h1></body></html>"))
                .on("/feed-empty", ok("application/rss+xml", new byte[0]))
                .on("/feed-bomb", ok("application/rss+xml", HostileResponses.gigabyteGzipBomb(), "Content-Encoding: gzip"))
                .on("/sitemap-xxe", xml("<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM \"" + base + "xxe-target\">"
                        + "<!ENTITY host SYSTEM \"file:///etc/hostname\">]>"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + base + "a/&xxe;</loc></url>"
                        + "<url><loc>" + base + "b/&host;</loc></url><url><loc>" + base + "c</loc></url></urlset>"))
                .on("/sitemap-lol", xml(billionLaughs("urlset") + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + base + "&lol9;</loc></url></urlset>"))
                .on("/sitemap-offsite", xml("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + base + "mine</loc></url><url><loc>" + elsewhere.url("/theirs") + "</loc></url>"
                        + "<url><loc>http://10.0.0.1/intranet</loc></url><url><loc>http://203.0.113.5/public</loc></url></urlset>"))
                .on("/sitemap-index-offsite", xml("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<sitemap><loc>" + elsewhere.url("/sitemap.xml") + "</loc></sitemap>"
                        + "<sitemap><loc>http://169.254.169.254/sitemap.xml</loc></sitemap>"
                        + "<sitemap><loc>" + base + "sitemap-offsite</loc></sitemap></sitemapindex>"))
                .on("/sitemap-index-loop", xml("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<sitemap><loc>" + base + "sitemap-index-loop</loc></sitemap></sitemapindex>"))
                .on("/sitemap-100k", xml(hugeSitemap(100_000)))
                .on("/listing-100k", html(hugeListing(100_000)))
                .on("/listing-loop", html("<html><body><h2><a href=\"/story\">s</a></h2><a class=\"next\" href=\"/listing-loop\">next</a>"
                        + "</body></html>"))
                .on("/wp-json/wp/v2/posts?per_page=50&page=1&orderby=modified&order=desc&_embed=author,wp:term",
                        ok("application/json", bytes("[".repeat(100_000) + "]".repeat(100_000))));
        elsewhere.on("/sitemap.xml", xml("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + elsewhere.url("/x") + "</loc></url></urlset>"));
    }

    @AfterAll
    static void stop() {
        web.close();
        elsewhere.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static HostileServer.Behaviour xml(String body) {
        return ok("application/xml", bytes(body));
    }

    private static String billionLaughs(String root) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE " + root + " [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return sb.append("]>").toString();
    }

    private static String hugeRss(String head, int items) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>").append(head);
        for (int i = 0; i < items; i++) {
            sb.append("<item><link>").append(base).append("p/").append(i).append("</link></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static String hugeSitemap(int urls) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < urls; i++) {
            sb.append("<url><loc>").append(base).append("s/").append(i).append("</loc></url>");
        }
        return sb.append("</urlset>").toString();
    }

    private static String hugeListing(int links) {
        StringBuilder sb = new StringBuilder("<html><body>");
        for (int i = 0; i < links; i++) {
            sb.append("<h2><a href=\"/l/").append(i).append("\">story</a></h2>");
        }
        return sb.append("</body></html>").toString();
    }

    private static List<Discovered> scan(Source source) throws DiscoveryException {
        return new SourceScanner(HostileWeb.fetcher()).scan(source);
    }

    private static FetchOutcome failure(Source source) {
        DiscoveryException e = catchThrowableOfType(DiscoveryException.class, () -> scan(source));
        assertThat(e).as("scanning %s must fail", source.url()).isNotNull();
        return e.outcome();
    }

    private static Source feed(String path) {
        return HostileWeb.source("feed", SourceType.RSS, web.url(path), 50);
    }

    private static Source sitemap(String path) {
        return HostileWeb.source("sitemap", SourceType.SITEMAP, web.url(path), 50);
    }

    @Test
    void feedsWithExternalEntitiesAreRejectedWithoutFetchingOrReadingAnything() {
        assertThat(failure(feed("/rss-xxe-http"))).isEqualTo(FetchOutcome.EXTRACT_FAILED);
        assertThat(failure(feed("/rss-xxe-file"))).isEqualTo(FetchOutcome.EXTRACT_FAILED);
        assertThat(failure(HostileWeb.source("atom", SourceType.ATOM, web.url("/atom-parameter-entity"), 50)))
                .isEqualTo(FetchOutcome.EXTRACT_FAILED);
        assertThat(web.requests("/xxe-target")).as("external entity fetched").isZero();
        assertThat(web.requests("/xxe.dtd")).as("external DTD fetched").isZero();
    }

    @Test
    void aBillionLaughsFeedIsRejectedAtTheDoctype() {
        assertThat(failure(feed("/rss-lol"))).isEqualTo(FetchOutcome.EXTRACT_FAILED);
    }

    @Test
    void aFeedWith100000ItemsYieldsMaxArticles() throws Exception {
        List<Discovered> found = scan(feed("/rss-100k"));

        assertThat(found).hasSize(50);
        assertThat(found.get(0).url()).isEqualTo(URI.create(base + "p/0"));
    }

    @Test
    void aFeedThatIsHtmlEmptyOrABombEndsInATypedFailure() {
        assertThat(failure(feed("/feed-is-html"))).isEqualTo(FetchOutcome.EXTRACT_FAILED);
        assertThat(failure(feed("/feed-empty"))).isEqualTo(FetchOutcome.EXTRACT_FAILED);
        assertThat(failure(feed("/feed-bomb"))).isEqualTo(FetchOutcome.TOO_LARGE);
    }

    @Test
    void sitemapEntitiesAreNeverResolvedByCrawlerCommons() {
        // crawler-commons parses with disallow-doctype-decl: the whole document is refused
        assertThat(failure(sitemap("/sitemap-xxe"))).isEqualTo(FetchOutcome.EXTRACT_FAILED);
        assertThat(web.requests("/xxe-target")).as("external entity fetched").isZero();
    }

    @Test
    void aBillionLaughsSitemapIsRefusedAtTheDoctype() {
        assertThat(failure(sitemap("/sitemap-lol"))).isEqualTo(FetchOutcome.EXTRACT_FAILED);
    }

    @Test
    void sitemapsPointingOffSiteYieldOnlyTheSourcesOwnUrls() throws Exception {
        assertThat(scan(sitemap("/sitemap-offsite"))).extracting(Discovered::url).containsExactly(web.url("/mine"));
        assertThat(scan(sitemap("/sitemap-index-offsite"))).extracting(Discovered::url).containsExactly(web.url("/mine"));
        assertThat(elsewhere.totalRequests()).as("requests that reached 127.0.0.2").isZero();
    }

    @Test
    void aSitemapIndexThatListsItselfStopsAtMaxPages() throws Exception {
        assertThat(scan(sitemap("/sitemap-index-loop"))).isEmpty();
        assertThat(web.requests("/sitemap-index-loop")).isEqualTo(3);
    }

    @Test
    void aSitemapWith100000UrlsYieldsMaxArticles() throws Exception {
        assertThat(scan(sitemap("/sitemap-100k"))).hasSize(50);
    }

    @Test
    void listingsWith100000LinksOrANextLinkToThemselvesAreBounded() throws Exception {
        Source huge = new Source("listing", SourceType.LISTING, web.url("/listing-100k"), Duration.ofHours(1), true, 50,
                "h2 a[href]", null, 3, 0);
        Source loop = new Source("loop", SourceType.LISTING, web.url("/listing-loop"), Duration.ofHours(1), true, 50,
                "h2 a[href]", "a.next", 3, 0);

        assertThat(scan(huge)).hasSize(50);
        assertThat(scan(loop)).extracting(Discovered::url).containsExactly(web.url("/story"));
        assertThat(web.requests("/listing-loop")).isEqualTo(1);
    }

    @Test
    void aWordPressApiAnsweringDeeplyNestedJsonFailsTyped() {
        Source wp = HostileWeb.source("wp", SourceType.WORDPRESS, web.url("/wp-json/"), 50);

        assertThat(failure(wp)).isEqualTo(FetchOutcome.EXTRACT_FAILED);
    }
}
