package dev.khabar.ingest.hostile;

import static dev.khabar.ingest.hostile.HostileResponses.article;
import static dev.khabar.ingest.hostile.HostileResponses.endless;
import static dev.khabar.ingest.hostile.HostileResponses.html;
import static dev.khabar.ingest.hostile.HostileResponses.ok;
import static dev.khabar.ingest.hostile.HostileResponses.randomBytes;
import static dev.khabar.ingest.hostile.HostileResponses.redirect;
import static dev.khabar.ingest.hostile.HostileResponses.silence;
import static dev.khabar.ingest.hostile.HostileResponses.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.fetch.PageFetcher;
import dev.khabar.ingest.fetch.RobotsRules;
import dev.khabar.ingest.frontier.UrlResult;
import dev.khabar.ingest.hostile.HostileServer.Behaviour;
import dev.khabar.ingest.source.Source;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * robots.txt that forbids, lies, breaks or attacks. A missing or unreadable-as-text robots.txt
 * allows the page; one that cannot be fetched defers the host (retried, then given up as
 * {@code robots-denied}), as Google does; a disallow is final. Each row has a server of its own.
 */
class HostileRobotsIT {

    record Case(String name, Behaviour robots, int attempt, FetchOutcome expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        byte[] garbage = randomBytes(8192, 11);
        return List.of(
                new Case("disallows everyone", ok("text/plain", ascii("User-agent: *\nDisallow: /\n")), 1, FetchOutcome.ROBOTS_DENIED),
                new Case("disallows our agent by name", ok("text/plain", ascii("User-agent: Googlebot\nAllow: /\n\n"
                        + "User-agent: KhabarBot\nDisallow: /news\n")), 1, FetchOutcome.ROBOTS_DENIED),
                new Case("binary garbage as text/plain (no rules in it)", ok("text/plain", garbage), 1, FetchOutcome.PUBLISHED),
                new Case("served as application/octet-stream (treated as absent)", ok("application/octet-stream", garbage), 1,
                        FetchOutcome.PUBLISHED),
                new Case("an HTML error page as robots.txt", ok("text/html", ascii("<html><body>Oops</body></html>")), 1,
                        FetchOutcome.PUBLISHED),
                new Case("404 (no robots.txt: allowed)", status(404), 1, FetchOutcome.PUBLISHED),
                new Case("403 (a 4xx: allowed, like Google)", status(403), 1, FetchOutcome.PUBLISHED),
                new Case("500 defers the host", status(500), 1, FetchOutcome.RETRYING),
                new Case("500 on the last attempt is given up", status(500), 3, FetchOutcome.ROBOTS_DENIED),
                new Case("never answers (timeout defers)", silence(), 1, FetchOutcome.RETRYING),
                new Case("12 MB, over the body cap (defers)", endless(12L * 1024 * 1024, true), 1, FetchOutcome.RETRYING),
                new Case("a redirect loop (defers)", redirect(302, "/robots.txt"), 1, FetchOutcome.RETRYING),
                new Case("redirects to a private address (refused, defers)", redirect(302, "http://10.0.0.1/robots.txt"), 1,
                        FetchOutcome.RETRYING),
                new Case("100,000 rules, under the cap", ok("text/plain", manyRules(100_000)), 1, FetchOutcome.PUBLISHED));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] manyRules(int n) {
        StringBuilder sb = new StringBuilder("User-agent: *\n");
        for (int i = 0; i < n; i++) {
            sb.append("Disallow: /private/").append(i).append("/\n");
        }
        return ascii(sb.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRobotsTxtEndsInItsOutcome(Case c) {
        try (HostileServer web = new HostileServer("127.0.0.1")) {
            web.on("/robots.txt", c.robots()).on("/news/today", html(article("Today", "The day's news in one page.")));
            Source source = HostileWeb.source("robots", web.base());

            UrlResult r = HostileWeb.processor(HostileWeb.fetcher(), source, new SimpleMeterRegistry())
                    .process(HostileWeb.entry(web.url("/news/today"), source.id(), c.attempt()));

            assertThat(r.outcome()).as(r.detail()).isEqualTo(c.expected());
            int pageRequests = c.expected() == FetchOutcome.PUBLISHED ? 1 : 0;
            assertThat(web.requests("/news/today")).as("page requests").isEqualTo(pageRequests);
        }
    }

    @Test
    void anAbsurdCrawlDelayIsCapped() {
        try (HostileServer web = new HostileServer("127.0.0.1")) {
            web.on("/robots.txt", ok("text/plain", ascii("User-agent: *\nCrawl-delay: 86400\n")));
            PageFetcher fetcher = HostileWeb.fetcher();

            RobotsRules.Decision d = new RobotsRules(fetcher, Duration.ofSeconds(5), Clock.systemUTC())
                    .check(web.url("/a"), web.base());

            assertThat(d.allowed()).isTrue();
            assertThat(d.crawlDelay()).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
