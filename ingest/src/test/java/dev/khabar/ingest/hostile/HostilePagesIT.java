package dev.khabar.ingest.hostile;

import static dev.khabar.ingest.hostile.HostileResponses.HTML;
import static dev.khabar.ingest.hostile.HostileResponses.article;
import static dev.khabar.ingest.hostile.HostileResponses.bomb;
import static dev.khabar.ingest.hostile.HostileResponses.drip;
import static dev.khabar.ingest.hostile.HostileResponses.encoded;
import static dev.khabar.ingest.hostile.HostileResponses.endless;
import static dev.khabar.ingest.hostile.HostileResponses.hangUp;
import static dev.khabar.ingest.hostile.HostileResponses.html;
import static dev.khabar.ingest.hostile.HostileResponses.ok;
import static dev.khabar.ingest.hostile.HostileResponses.png;
import static dev.khabar.ingest.hostile.HostileResponses.randomBytes;
import static dev.khabar.ingest.hostile.HostileResponses.raw;
import static dev.khabar.ingest.hostile.HostileResponses.silence;
import static dev.khabar.ingest.hostile.HostileResponses.status;
import static dev.khabar.ingest.hostile.HostileResponses.truncated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.frontier.UrlProcessor;
import dev.khabar.ingest.frontier.UrlResult;
import dev.khabar.ingest.hostile.HostileServer.Behaviour;
import dev.khabar.ingest.source.Source;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile pages, one per row: a real loopback server answers each path badly, a fresh
 * {@link UrlProcessor} (robots.txt, guard, fetch, extract, versioning) handles the URL as a fetch
 * worker would, and the row names the typed outcome it must end in. No row may crash, hang or
 * hold more than the body cap in memory.
 */
class HostilePagesIT {

    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final String CAFE = "Café “quotes” — naïve señor";
    private static final String HINDI = "रूस और उत्तर कोरिया ने एक रक्षा समझौते पर हस्ताक्षर किए";

    /** One hostile page: what the server does and where the URL must end up. */
    record Case(String name, String path, Behaviour behaviour, int attempt, FetchOutcome expected,
                Consumer<UrlResult> check, int requests) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final byte[] GZIP_BOMB = HostileResponses.gigabyteGzipBomb();
    private static final byte[] DEFLATE_BOMB = bomb(200, false);

    private static HostileServer web;

    @BeforeAll
    static void serve() {
        web = new HostileServer("127.0.0.1");
        for (Case c : cases()) {
            web.on(c.path(), c.behaviour());
        }
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // a baseline, so a failure below means the hostile part, not the setup
        c.add(row("a decent article page", "/ok", html(article("Decent page", "The council met on Monday.")),
                FetchOutcome.PUBLISHED, r -> assertThat(r.article().getText()).contains("The council met on Monday")));

        // malformed markup
        c.add(row("malformed HTML: unclosed, misnested and stray tags", "/malformed",
                html("<html><head><title>Broken <b>page</title><body><div><p>Unclosed paragraph <i>italic <b>bold</i> "
                        + "still bold</b></div></div></span><table><tr><td>cell<p>The market reopened on Tuesday after "
                        + "repairs to the roof, and traders said business was slowly returning to normal levels."
                        + "<p>Shoppers came back in numbers by the afternoon, and the council promised more parking."
                        + "<<<>>> &bogus; &#xZZ; <a href=\"javascript:alert(1)\" onclick=\"x\">x</a></td>"),
                FetchOutcome.PUBLISHED, r -> assertThat(r.article().getText()).contains("market reopened")));
        c.add(row("100,000 nested divs", "/nested-divs",
                html("<html><body>" + "<div>".repeat(100_000) + "<p>" + "Deep inside the nesting sits a paragraph. ".repeat(20)
                        + "</p></body></html>"),
                // jsoup keeps the tree shallow enough and the extractor walks it without recursion: no StackOverflowError
                FetchOutcome.PUBLISHED, r -> assertThat(r.article().getText()).contains("Deep inside the nesting")));
        c.add(row("20,000 misnested formatting tags (adoption agency worst case)", "/misnested",
                html("<html><body><article><p>" + "<b><i>x</b></i>".repeat(20_000) + "</p><p>"
                        + "A closing paragraph of real text that says something about the weather this week. ".repeat(5)
                        + "</p></article></body></html>"),
                FetchOutcome.PUBLISHED, r -> { }));
        c.add(row("one 2 MB word without a tag or a space", "/one-word",
                ok(HTML, ("<html><body><p>" + "a".repeat(2 * 1024 * 1024) + "</p></body></html>").getBytes(StandardCharsets.US_ASCII)),
                FetchOutcome.PUBLISHED, r -> assertThat(r.article().getText()).hasSizeGreaterThan(1024 * 1024)));
        c.add(row("a page that is only scripts", "/only-scripts",
                html("<html><head><script>var a = 1;</script></head><body>" + "<script>document.write('<p>hi</p>');</script>".repeat(200)
                        + "<noscript>Enable JavaScript</noscript></body></html>"),
                FetchOutcome.EXTRACT_FAILED, r -> { }));
        c.add(row("a meta-refresh stub (redirects are not followed through HTML)", "/meta-refresh",
                html("<html><head><meta http-equiv=\"refresh\" content=\"0; url=http://10.0.0.1/\"></head><body></body></html>"),
                FetchOutcome.EXTRACT_FAILED, r -> { }));

        // not HTML, whatever the header says
        c.add(row("random binary labelled text/html", "/binary", ok(HTML, randomBytes(64 * 1024, 1)),
                FetchOutcome.NOT_HTML, r -> { }));
        c.add(row("a PNG labelled text/html", "/png-as-html", ok(HTML, png()), FetchOutcome.NOT_HTML, r -> { }));
        c.add(row("a PDF with its own content type", "/doc.pdf", ok("application/pdf", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII)),
                FetchOutcome.NOT_HTML, r -> { }));
        c.add(row("HTML with no Content-Type at all", "/no-content-type",
                ok(null, article("Untyped", "Servers that omit the type still get sniffed.").getBytes(StandardCharsets.UTF_8)),
                FetchOutcome.PUBLISHED, r -> { }));

        // size and compression
        c.add(row("a 50 MB page with Content-Length, generated while sent", "/50mb", endless(FIFTY_MB, true),
                FetchOutcome.TOO_LARGE, r -> assertThat(web.bytesSent("/50mb")).as("bytes the server got out")
                        .isLessThan(FIFTY_MB / 2)));
        c.add(row("a 50 MB chunked page without a length", "/50mb-chunked", endless(FIFTY_MB, false),
                FetchOutcome.TOO_LARGE, r -> assertThat(web.bytesSent("/50mb-chunked")).isLessThan(FIFTY_MB / 2)));
        c.add(row("a 404 page of 50 MB, generated while sent: not read to keep the connection", "/50mb-404",
                endless(404, FIFTY_MB, true), FetchOutcome.HTTP_ERROR, 3,
                r -> assertThat(web.bytesSent("/50mb-404")).as("bytes the server got out").isLessThan(FIFTY_MB / 2)));
        c.add(row("a 50 MB video where a page was asked for: not read", "/video.mp4",
                endless(200, "video/mp4", FIFTY_MB, false), FetchOutcome.NOT_HTML,
                r -> assertThat(web.bytesSent("/video.mp4")).as("bytes the server got out").isLessThan(FIFTY_MB / 2)));
        c.add(row("a gzip bomb: 1 GB of zeros in about 1 MB", "/gzip-bomb", encoded("gzip", GZIP_BOMB),
                FetchOutcome.TOO_LARGE, r -> assertThat(r.detail()).contains("decompression")));
        c.add(row("a deflate bomb: 200 MB of zeros", "/deflate-bomb", encoded("deflate", DEFLATE_BOMB),
                FetchOutcome.TOO_LARGE, r -> assertThat(r.detail()).contains("decompression")));
        c.add(row("Content-Encoding gzip over bytes that are not gzip", "/bad-gzip", encoded("gzip", randomBytes(2048, 3)),
                FetchOutcome.NETWORK_ERROR, 3, r -> { }));
        c.add(row("an encoding nobody asked for (br)", "/brotli", encoded("br", randomBytes(2048, 4)),
                FetchOutcome.NETWORK_ERROR, 3, r -> { }));

        // broken and slow connections (final attempt: the typed failure itself)
        c.add(row("a slow drip: one byte every 300 ms", "/drip", drip(10_000, 300), FetchOutcome.TIMEOUT, 3, r -> { }));
        c.add(row("accepts the request and never answers", "/silence", silence(), FetchOutcome.TIMEOUT, 3, r -> { }));
        // one request: the client retries a GET only on a pooled connection gone stale, not on a new one
        c.add(new Case("hangs up without a byte", "/hang-up", hangUp(), 3, FetchOutcome.NETWORK_ERROR, r -> { }, 1));
        c.add(row("answers with bytes that are not HTTP", "/not-http", raw("SSH-2.0-OpenSSH_9.6\r\n\r\n"),
                FetchOutcome.NETWORK_ERROR, 3, r -> { }));
        c.add(row("declares 100 kB and sends 1 kB", "/truncated", truncated(100_000, 1000),
                FetchOutcome.NETWORK_ERROR, 3, r -> { }));
        c.add(row("a status line with a 3-digit nonsense code", "/status-999",
                raw("HTTP/1.1 999 Whatever\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi"),
                FetchOutcome.HTTP_ERROR, 3, r -> assertThat(r.status()).isEqualTo(999)));

        // charsets
        String hindiPage = article("Hindi", HINDI + " और दोनों देश सहयोग करेंगे।");
        c.add(row("Windows-1252 bytes labelled UTF-8", "/cp1252-as-utf8",
                ok("text/html; charset=utf-8",
                        article("Cafe", CAFE + " opened a new branch downtown.").getBytes(Charset.forName("windows-1252"))),
                FetchOutcome.PUBLISHED, r -> assertThat(r.article().getText()).contains(CAFE)));
        c.add(row("UTF-16LE with a BOM labelled UTF-8", "/utf16-bom-as-utf8",
                ok("text/html; charset=utf-8", withBom(hindiPage)),
                FetchOutcome.PUBLISHED, r -> assertThat(r.article().getText()).contains(HINDI)));
        c.add(row("UTF-16LE without a BOM labelled UTF-8", "/utf16-nobom-as-utf8",
                ok("text/html; charset=utf-8", article("Hindi", HINDI + ".").getBytes(StandardCharsets.UTF_16LE)),
                FetchOutcome.NOT_HTML, r -> { }));
        c.add(row("UTF-8 Hindi labelled ISO-8859-1", "/utf8-as-latin1",
                ok("text/html; charset=iso-8859-1", hindiPage.getBytes(StandardCharsets.UTF_8)),
                FetchOutcome.PUBLISHED, r -> assertThat(r.article().getText()).contains(HINDI)));
        c.add(row("a charset label that does not exist", "/klingon",
                ok("text/html; charset=x-klingon-9", hindiPage.getBytes(StandardCharsets.UTF_8)),
                FetchOutcome.PUBLISHED, r -> assertThat(r.article().getText()).contains(HINDI)));

        // empty answers
        c.add(row("200 with an empty body", "/empty", ok(HTML, new byte[0]), FetchOutcome.EXTRACT_FAILED, r -> { }));
        c.add(row("204 No Content", "/no-content", ex -> ex.head(204), FetchOutcome.EXTRACT_FAILED, r -> { }));
        c.add(row("only whitespace", "/whitespace", ok(HTML, " \n\t ".repeat(1000).getBytes(StandardCharsets.US_ASCII)),
                FetchOutcome.EXTRACT_FAILED, r -> { }));

        // status storms: a temporary failure is retried later, honouring Retry-After (capped), then given up
        c.add(row("429 with Retry-After: 120", "/429", status(429, "Retry-After: 120"), FetchOutcome.RETRYING,
                r -> assertThat(r.detail()).contains("retry 2 after 120000 ms")));
        c.add(row("503 with an HTTP-date Retry-After", "/503-date", status(503, "Retry-After: "
                        + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90))),
                FetchOutcome.RETRYING, r -> assertThat(r.followUps()).singleElement()
                        .satisfies(f -> assertThat(f.getAttempt()).isEqualTo(2))));
        c.add(row("429 asking for a year of silence (capped at 2 min)", "/429-year", status(429, "Retry-After: 31536000"),
                FetchOutcome.RETRYING, r -> assertThat(r.detail()).contains("after 120000 ms")));
        c.add(row("503 with a nonsense Retry-After (default backoff)", "/503-nonsense", status(503, "Retry-After: soon-ish"),
                FetchOutcome.RETRYING, r -> assertThat(r.detail()).contains("after 4000 ms")));
        c.add(row("a 429 storm: still 429 on the last attempt", "/429-storm", status(429, "Retry-After: 1"),
                FetchOutcome.HTTP_ERROR, 3, r -> assertThat(r.status()).isEqualTo(429)));
        c.add(row("500 on the last attempt", "/500", status(500), FetchOutcome.HTTP_ERROR, 3, r -> assertThat(r.followUps()).isEmpty()));
        c.add(row("404 is final at once", "/gone", status(404), FetchOutcome.HTTP_ERROR, r -> assertThat(r.followUps()).isEmpty()));
        return c;
    }

    private static Case row(String name, String path, Behaviour b, FetchOutcome expected, Consumer<UrlResult> check) {
        return new Case(name, path, b, 1, expected, check, 1);
    }

    private static Case row(String name, String path, Behaviour b, FetchOutcome expected, int attempt,
                            Consumer<UrlResult> check) {
        return new Case(name, path, b, attempt, expected, check, 1);
    }

    private static byte[] withBom(String s) {
        ByteBuffer b = StandardCharsets.UTF_16LE.encode(s);
        byte[] out = new byte[b.remaining() + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        b.get(out, 2, b.remaining());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostilePageEndsInItsTypedOutcome(Case c) {
        Source source = HostileWeb.source("hostile", web.base());
        UrlProcessor processor = HostileWeb.processor(HostileWeb.fetcher(), source, new SimpleMeterRegistry());

        UrlResult r = processor.process(HostileWeb.entry(web.url(c.path()), source.id(), c.attempt()));

        assertThat(r.outcome()).as("%s: %s", c.name(), r.detail()).isEqualTo(c.expected());
        assertThat(web.requests(c.path())).as("requests for " + c.path()).isEqualTo(c.requests());
        c.check().accept(r);
    }
}
