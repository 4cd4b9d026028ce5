package dev.khabar.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt, fetched once per host and cached, parsed by crawler-commons for our user agent.
 * A missing robots.txt (4xx) allows everything; a failing one (5xx, network) defers the host,
 * as Google does; crawl-delay is honoured up to a cap.
 */
public final class RobotsRules {

    /** What robots.txt says about one URL. */
    public record Decision(boolean allowed, boolean deferred, Duration crawlDelay) {
    }

    private record Cached(BaseRobotRules rules, long expiresAtMillis) {
    }

    private static final Duration TTL = Duration.ofHours(12);
    private static final Duration FAILURE_TTL = Duration.ofMinutes(5);

    private final PageFetcher fetcher;
    private final List<String> agentNames;
    private final Duration maxCrawlDelay;
    private final Clock clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public RobotsRules(PageFetcher fetcher, Duration maxCrawlDelay, Clock clock) {
        this.fetcher = fetcher;
        this.maxCrawlDelay = maxCrawlDelay;
        this.clock = clock;
        // "KhabarBot/0.1 (+https://...)" → "khabarbot": the product token robots.txt groups match
        String ua = fetcher.settings().userAgent();
        this.agentNames = List.of(ua.split("[/ ]", 2)[0].toLowerCase(Locale.ROOT));
        // crawler-commons turns a crawl-delay above its maximum into "disallow all"; we cap it instead (check())
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
    }

    /**
     * What robots.txt says about {@code url}.
     *
     * @param privateScope the source URL whose host's non-public addresses may be reached, or null for none
     */
    public Decision check(URI url, URI privateScope) {
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority().toLowerCase(Locale.ROOT);
        long now = clock.millis();
        Cached c = cache.get(origin);
        if (c == null || c.expiresAtMillis() < now) {
            c = load(origin, privateScope, now);
            cache.put(origin, c);
        }
        BaseRobotRules rules = c.rules();
        if (rules.isDeferVisits()) {
            return new Decision(false, true, Duration.ZERO);
        }
        long delay = rules.getCrawlDelay();
        Duration crawlDelay = delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay < 0 ? Duration.ZERO
                : Duration.ofMillis(Math.min(delay, maxCrawlDelay.toMillis()));
        return new Decision(rules.isAllowed(url.toString()), false, crawlDelay);
    }

    private Cached load(String origin, URI privateScope, long now) {
        URI robots = URI.create(origin + "/robots.txt");
        FetchResult r = fetcher.fetch(new FetchRequest(robots, FetchRequest.Expect.TEXT, privateScope != null, null, null,
                privateScope));
        if (r instanceof FetchResult.Page page) {
            BaseRobotRules rules = parser.parseContent(robots.toString(), page.body().getBytes(StandardCharsets.UTF_8),
                    "text/plain", agentNames);
            return new Cached(rules, now + TTL.toMillis());
        }
        int status = r instanceof FetchResult.Failed f ? f.status() : 0;
        if (status >= 400 && status < 500) {
            return new Cached(parser.failedFetch(status), now + TTL.toMillis()); // no robots.txt: allow all
        }
        if (r instanceof FetchResult.Failed f && f.outcome() == FetchOutcome.NOT_HTML) {
            return new Cached(parser.failedFetch(404), now + TTL.toMillis()); // not text: treat as absent
        }
        return new Cached(parser.failedFetch(status == 0 ? 503 : status), now + FAILURE_TTL.toMillis());
    }
}
