package dev.khabar.console.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SampleSiteTest {

    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\blang=['\"]([A-Za-z-]+)['\"]");
    private static final Pattern CANONICAL = Pattern.compile("<link[^>]*rel=['\"]canonical['\"][^>]*href=['\"]([^'\"]+)['\"]"
            + "|<link[^>]*href=['\"]([^'\"]+)['\"][^>]*rel=['\"]canonical['\"]");

    private static SampleSite site;
    private static HttpClient http;

    @BeforeAll
    static void startSite() {
        site = SampleSite.start(0);
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void listensOnLoopbackAtAFreePort() {
        assertThat(site.baseUri().getScheme()).isEqualTo("http");
        assertThat(site.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(site.baseUri().getPort()).isPositive();
        assertThat(site.baseUri().getPath()).isEqualTo("/");
        assertThat(site.feedUri()).isEqualTo(site.baseUri().resolve("feed.xml"));
    }

    @Test
    void feedListsExactlyTheArticlesOfTheManifest() throws Exception {
        HttpResponse<byte[]> feed = get(site.feedUri());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(contentType(feed)).isEqualTo("application/rss+xml; charset=utf-8");

        Document doc = parseXml(feed.body());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList items = doc.getElementsByTagName("item");
        List<String> fromFeed = new ArrayList<>();
        DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME;
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String link = text(item, "link");
            assertThat(link).startsWith(site.baseUri().toString());
            assertThat(text(item, "guid")).isEqualTo(link);
            assertThat(text(item, "title")).isNotBlank();
            assertThat(text(item, "description")).isNotBlank();
            assertThat(text(item, "category")).isNotBlank();
            ZonedDateTime published = ZonedDateTime.parse(text(item, "pubDate"), rfc822);
            assertThat(published.getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
            assertThat(published.getYear()).isEqualTo(2024);
            fromFeed.add(link.substring(site.baseUri().toString().length()));
        }

        Map<String, Set<String>> expected = SampleSite.expectedLabels();
        assertThat(fromFeed).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(14);
        assertThat(fromFeed).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(site.articlePaths()).containsExactlyElementsOf(fromFeed);
        Set<String> known = Set.of("defence", "diplomacy", "vietnam-visit");
        expected.values().forEach(labels -> assertThat(known).containsAll(labels));
        assertThat(expected.values()).filteredOn(Set::isEmpty).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void servesEveryArticleAsHtmlHalfOrMoreInHindi() throws Exception {
        int hindi = 0;
        for (String path : site.articlePaths()) {
            HttpResponse<byte[]> page = get(site.uri(path));
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(contentType(page)).as(path).isEqualTo("text/html; charset=utf-8");
            String html = new String(page.body(), StandardCharsets.UTF_8);
            assertThat(html).as(path).doesNotContain(SampleSite.PLACEHOLDER).contains("</html>");

            Matcher lang = HTML_LANG.matcher(html);
            assertThat(lang.find()).as("%s declares its language", path).isTrue();
            if (lang.group(1).startsWith("hi")) {
                hindi++;
            }
            Matcher canonical = CANONICAL.matcher(html);
            assertThat(canonical.find()).as("%s has a canonical link", path).isTrue();
            String href = canonical.group(1) != null ? canonical.group(1) : canonical.group(2);
            assertThat(href).as(path).isEqualTo(site.uri(path).toString());
        }
        assertThat(hindi * 2).as("Hindi articles: %d of %d", hindi, site.articlePaths().size())
                .isGreaterThanOrEqualTo(site.articlePaths().size());
    }

    @Test
    void homeRobotsAndSitemap() throws Exception {
        HttpResponse<byte[]> home = get(site.baseUri());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(contentType(home)).isEqualTo("text/html; charset=utf-8");
        String index = new String(home.body(), StandardCharsets.UTF_8);
        assertThat(index).doesNotContain(SampleSite.PLACEHOLDER);
        site.articlePaths().forEach(p -> assertThat(index).contains("href=\"" + site.uri(p) + "\""));

        HttpResponse<byte[]> robots = get(site.uri("robots.txt"));
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(contentType(robots)).isEqualTo("text/plain; charset=utf-8");
        String robotsTxt = new String(robots.body(), StandardCharsets.UTF_8);
        assertThat(robotsTxt).contains("User-agent: *", "Allow: /", "Sitemap: " + site.uri("sitemap.xml"))
                .doesNotContain("Disallow: /");

        HttpResponse<byte[]> sitemap = get(site.uri("sitemap.xml"));
        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(contentType(sitemap)).startsWith("application/xml");
        Document doc = parseXml(sitemap.body());
        NodeList locs = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < locs.getLength(); i++) {
            listed.add(locs.item(i).getTextContent().strip());
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                site.articlePaths().stream().map(p -> site.uri(p).toString()).toList());
    }

    @Test
    void answersConditionalRequestsWith304() throws Exception {
        URI article = site.uri(site.articlePaths().get(0));
        HttpResponse<byte[]> first = get(article);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(get(article).headers().firstValue("ETag")).contains(etag);

        HttpResponse<byte[]> byTag = send(HttpRequest.newBuilder(article).header("If-None-Match", etag));
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).contains(etag);

        assertThat(send(HttpRequest.newBuilder(article).header("If-None-Match", "\"nope\", " + etag)).statusCode())
                .isEqualTo(304);
        assertThat(send(HttpRequest.newBuilder(article).header("If-None-Match", "\"nope\"")).statusCode())
                .isEqualTo(200);
        // a stale tag wins over a matching date
        assertThat(send(HttpRequest.newBuilder(article).header("If-None-Match", "\"nope\"")
                .header("If-Modified-Since", lastModified)).statusCode()).isEqualTo(200);

        assertThat(send(HttpRequest.newBuilder(article).header("If-Modified-Since", lastModified)).statusCode())
                .isEqualTo(304);
        assertThat(send(HttpRequest.newBuilder(article).header("If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT"))
                .statusCode()).isEqualTo(200);

        HttpResponse<byte[]> feed = get(site.feedUri());
        assertThat(feed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void unknownPathsAre404() throws Exception {
        for (String path : List.of("no-such-page.html", "hi/2024/06/missing.html", "hi/", "hi", "media",
                "expected-labels.tsv", "wp-json/")) {
            HttpResponse<byte[]> response = get(site.uri(path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(SampleSite.PLACEHOLDER);
        }
    }

    @Test
    void refusesPathTraversal() throws Exception {
        String base = site.baseUri().toString();
        for (String path : List.of("../pom.xml", "hi/../../sample-site/index.html", "hi/../index.html",
                "%2e%2e/sample-site/robots.txt", "hi/%2E%2E/%2e%2e/dev/khabar/console/demo/SampleSite.class",
                "hi%2f..%2f..%2fpom.xml", "./index.html")) {
            URI uri = URI.create(base + path);
            assertThat(uri.getRawPath()).as("the client must send the path as written").isEqualTo("/" + path);
            HttpResponse<byte[]> response = get(uri);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
        }
        // and on the wire, in case a client would normalise the path
        assertThat(rawRequest("GET /../sample-site/robots.txt HTTP/1.1", "127.0.0.1:" + site.baseUri().getPort()))
                .startsWith("HTTP/1.1 400");
        assertThat(rawRequest("GET /hi/..\\..\\pom.xml HTTP/1.1", "127.0.0.1:" + site.baseUri().getPort()))
                .startsWith("HTTP/1.1 400");
    }

    @Test
    void onlyGetAndHead() throws Exception {
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(site.feedUri()).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get(site.feedUri()).body().length);

        HttpResponse<byte[]> post = send(HttpRequest.newBuilder(site.feedUri()).POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void absoluteLinksFollowTheHostTheClientUsed() throws Exception {
        int port = site.baseUri().getPort();
        String response = rawRequest("GET /robots.txt HTTP/1.1", "localhost:" + port);
        assertThat(response).startsWith("HTTP/1.1 200").contains("Sitemap: http://localhost:" + port + "/sitemap.xml");
        String odd = rawRequest("GET /robots.txt HTTP/1.1", "evil.example/<script>");
        assertThat(odd).startsWith("HTTP/1.1 200").contains("Sitemap: " + site.uri("sitemap.xml"));
    }

    @Test
    void resolvesPaths() {
        assertThat(SitePaths.resolve("/")).isEqualTo(new SitePaths.Resolved(200, "index.html"));
        assertThat(SitePaths.resolve("/feed.xml").path()).isEqualTo("feed.xml");
        assertThat(SitePaths.resolve("/a%20b.html").path()).isEqualTo("a b.html");
        assertThat(SitePaths.resolve("/hi/..").status()).isEqualTo(400);
        assertThat(SitePaths.resolve("/%").status()).isEqualTo(400);
        assertThat(SitePaths.resolve("/%c3%28.html").status()).isEqualTo(400);
        assertThat(SitePaths.resolve("/a%00.html").status()).isEqualTo(400);
        assertThat(SitePaths.resolve("relative.html").status()).isEqualTo(400);
        assertThat(SitePaths.resolve("/hi//x.html").status()).isEqualTo(404);
        assertThat(SitePaths.resolve("/pom").status()).isEqualTo(404);
        assertThat(SitePaths.contentType("feed.xml")).startsWith("application/rss+xml");
        assertThat(SitePaths.contentType("sitemap.xml")).startsWith("application/xml");
        assertThat(SitePaths.contentType("robots.txt")).startsWith("text/plain");
        assertThat(SitePaths.contentType("x.tsv")).isNull();
    }

    @Test
    void closeIsIdempotentAndStopsThreadsAndListener() throws Exception {
        SampleSite other = SampleSite.start(0);
        int port = other.baseUri().getPort();
        assertThat(get(other.feedUri()).statusCode()).isEqualTo(200);
        other.close();
        other.close();
        assertThat(other.stopped()).isTrue();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }).isInstanceOf(IOException.class);
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
        assertThat(built.uri().getHost()).isEqualTo("127.0.0.1");
        return http.send(built, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static String rawRequest(String requestLine, String host) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", site.baseUri().getPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Document parseXml(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
