package dev.khabar.ingest.hostile;

import static dev.khabar.ingest.hostile.HostileResponses.article;
import static dev.khabar.ingest.hostile.HostileResponses.html;
import static dev.khabar.ingest.hostile.HostileResponses.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.fetch.FetchRequest;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.frontier.UrlProcessor;
import dev.khabar.ingest.frontier.UrlResult;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Redirect loops and chains, and redirects or DNS answers that point at addresses the source did
 * not allow. The source may reach its own loopback host (127.0.0.1, like the demo site) and nothing
 * else: another loopback address (a real server on 127.0.0.2 that counts what reaches it), private
 * and link-local addresses (literal, or answered by an injected resolver for made-up names). Every
 * refusal happens before a connection: the outcome is {@code refused-address}, never a connect
 * error or timeout, and nothing else on this machine could have answered.
 */
class HostileAddressesIT {

    /** One redirect: where {@code /from/<name>} sends the client, and the outcome the URL ends in. */
    record Case(String name, String location, FetchOutcome expected) {
        @Override
        public String toString() {
            return name + " -> " + location;
        }
    }

    private static HostileServer web;
    private static HostileServer elsewhere;

    @BeforeAll
    static void serve() {
        web = new HostileServer("127.0.0.1");
        elsewhere = new HostileServer("127.0.0.2");
        elsewhere.on("/secret", html(article("Secret", "This internal page must never be fetched by a public crawl.")));
        web.on("/ok", html(article("Landing page", "The redirect chain ended on a proper article.")))
                .on("/loop", redirect(302, "/loop"))
                .on("/ping", redirect(301, "/pong"))
                .on("/pong", redirect(301, "/ping"))
                .on("/no-location", ex -> ex.respond(302, "text/html", new byte[0]))
                .on("/bad-location", redirect(302, "http://exa mple.test/%%zz"));
        for (int i = 0; i < 10; i++) {
            web.on("/chain/" + i, redirect(302, i == 9 ? "/ok" : "/chain/" + (i + 1)));
        }
        web.on("/short-chain", redirect(301, "/chain/7"));
        for (Case c : cases()) {
            web.on("/from/" + slug(c.name()), redirect(302, c.location()));
        }
    }

    @AfterAll
    static void stop() {
        web.close();
        elsewhere.close();
    }

    static List<Case> cases() {
        String e = elsewhere.base().toString();
        int p = elsewhere.port();
        List<Case> c = new ArrayList<>();
        // literal addresses the source did not allow
        c.add(new Case("another loopback address with a live server", e + "secret", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("RFC 1918 private", "http://10.0.0.1/admin", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("cloud metadata (link-local)", "http://169.254.169.254/latest/meta-data/", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("IPv6 loopback", "http://[::1]:" + p + "/secret", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("the any-address 0.0.0.0 (reaches localhost on Linux)", "http://0.0.0.0:" + p + "/secret",
                FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("IPv4-mapped IPv6 of 127.0.0.2", "http://[::ffff:127.0.0.2]:" + p + "/secret", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("127.0.0.2 spelled as one decimal number", "http://2130706434:" + p + "/secret", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("protocol-relative to another loopback address", "//127.0.0.2:" + p + "/secret", FetchOutcome.REFUSED_ADDRESS));
        // names whose DNS answer (the injected resolver) is not allowed
        c.add(new Case("a name resolving to 10.0.0.1", "http://intranet.test/", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("a name resolving to 192.168.1.1", "http://router.test/", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("a name resolving to 169.254.169.254", "http://metadata.test/latest/meta-data/", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("a name resolving to carrier-grade NAT", "http://cgnat.test/", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("a name resolving to IPv6 unique-local fd00::1", "http://ula.test/", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("a name resolving to one public and one private address", "http://mixed.test/", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("a name resolving to 127.0.0.2", "http://loopback.test:" + p + "/secret", FetchOutcome.REFUSED_ADDRESS));
        // schemes a crawler has no business with
        c.add(new Case("file:", "file:///etc/passwd", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("javascript:", "javascript:alert(1)", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("ftp:", "ftp://127.0.0.1/pub", FetchOutcome.REFUSED_ADDRESS));
        c.add(new Case("gopher: (the classic SSRF smuggler)", "gopher://127.0.0.1:6379/_INFO", FetchOutcome.REFUSED_ADDRESS));
        return c;
    }

    private static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static UrlResult process(Source source, URI url) {
        UrlProcessor processor = HostileWeb.processor(HostileWeb.fetcher(), source, new SimpleMeterRegistry());
        return processor.process(HostileWeb.entry(url, source.id(), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRedirectToAnAddressTheSourceDidNotAllowIsRefusedBeforeConnecting(Case c) {
        int before = elsewhere.totalRequests();
        String from = "/from/" + slug(c.name());

        UrlResult r = process(HostileWeb.source("own-host", web.base()), web.url(from));

        assertThat(r.outcome()).as(r.detail()).isEqualTo(c.expected());
        assertThat(web.requests(from)).isEqualTo(1);
        assertThat(elsewhere.totalRequests()).as("requests that reached 127.0.0.2").isEqualTo(before);
    }

    @Test
    void aSourceOnTheOtherLoopbackAddressReachesItsOwnServerButNotTheFirst() {
        // the scope is the source's own host, whichever it is: the same redirect is fine the other way round
        elsewhere.on("/to-web", redirect(302, web.url("/ok").toString()));
        elsewhere.on("/to-self", redirect(302, elsewhere.url("/secret").toString()));
        Source own = HostileWeb.source("elsewhere", elsewhere.base());

        assertThat(process(own, elsewhere.url("/to-self")).outcome()).isEqualTo(FetchOutcome.PUBLISHED);
        assertThat(process(own, elsewhere.url("/to-web")).outcome()).isEqualTo(FetchOutcome.REFUSED_ADDRESS);
    }

    @Test
    void aPublicSourceIsRefusedEveryNonPublicAddressWithoutARequestNotEvenForRobotsTxt() {
        Source publicSource = new Source("public", SourceType.URL, URI.create("http://203.0.113.7/feed"), Duration.ofHours(1),
                false, 50, null, null, 3, 0);
        int before = web.totalRequests();

        UrlResult r = process(publicSource, web.url("/ok"));

        assertThat(r.outcome()).as(r.detail()).isEqualTo(FetchOutcome.REFUSED_ADDRESS);
        assertThat(web.totalRequests()).as("requests that reached 127.0.0.1").isEqualTo(before);
        for (String host : List.of("http://intranet.test/", "http://metadata.test/", "http://10.0.0.1/", "http://[fd00::1]/")) {
            FetchResult f = HostileWeb.fetcher().fetch(FetchRequest.page(URI.create(host), false));
            assertThat(f).as(host).isInstanceOfSatisfying(FetchResult.Failed.class,
                    failed -> assertThat(failed.outcome()).isEqualTo(FetchOutcome.REFUSED_ADDRESS));
        }
    }

    @Test
    void redirectLoopsAndLongChainsStopAtTheLimitAndShortChainsArrive() {
        Source source = HostileWeb.source("chains", web.base());

        assertThat(process(source, web.url("/loop")).outcome()).isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
        assertThat(web.requests("/loop")).as("the first request and five redirects").isEqualTo(6);
        assertThat(process(source, web.url("/ping")).outcome()).isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
        assertThat(process(source, web.url("/chain/0")).outcome()).as("ten hops").isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
        UrlResult shortChain = process(source, web.url("/short-chain"));
        assertThat(shortChain.outcome()).as("four hops").isEqualTo(FetchOutcome.PUBLISHED);
        assertThat(shortChain.article().getText()).contains("redirect chain ended");
        assertThat(process(source, web.url("/no-location")).outcome()).isEqualTo(FetchOutcome.HTTP_ERROR);
        assertThat(process(source, web.url("/bad-location")).outcome()).isEqualTo(FetchOutcome.HTTP_ERROR);
    }
}
