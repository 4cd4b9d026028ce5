package dev.khabar.ingest.hostile;

import dev.khabar.ingest.extract.ArticleExtractor;
import dev.khabar.ingest.fetch.AddressGuard;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.fetch.PageFetcher;
import dev.khabar.ingest.fetch.RobotsRules;
import dev.khabar.ingest.frontier.UrlProcessor;
import dev.khabar.ingest.frontier.UrlStates;
import dev.khabar.ingest.source.Source;
import dev.khabar.ingest.source.SourceType;
import dev.khabar.schemas.FrontierEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Shared wiring for the hostile-web tests: fetch limits small enough to hit quickly, a resolver
 * that answers private and link-local addresses for made-up names without ever asking DNS, and
 * a fresh {@link UrlProcessor} per case (so one case's Retry-After pause cannot slow the next).
 */
final class HostileWeb {

    /** Production caps (10 MB body, 5 redirects) with short timeouts and no politeness delay. */
    static final FetchSettings SETTINGS = new FetchSettings("KhabarBot/0.1 (+hostile-test)", Duration.ofSeconds(2),
            Duration.ofSeconds(3), 10L * 1024 * 1024, 5, Duration.ZERO);

    /**
     * Names that resolve to addresses no test may ever contact. Unknown names fail to resolve, and only
     * IP literals are parsed (never sent to a DNS server).
     */
    static final AddressGuard.HostResolver RESOLVER = host -> {
        byte[] ip = switch (host) {
            case "intranet.test" -> new byte[] {10, 0, 0, 1};
            case "router.test" -> new byte[] {(byte) 192, (byte) 168, 1, 1};
            case "metadata.test" -> new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254};
            case "cgnat.test" -> new byte[] {100, 64, 0, 1};
            case "ula.test" -> new byte[] {(byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
            case "loopback.test" -> new byte[] {127, 0, 0, 2};
            default -> null;
        };
        if (ip != null) {
            return new InetAddress[] {InetAddress.getByAddress(host, ip)};
        }
        if (host.equals("mixed.test")) {
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 10}),
                    InetAddress.getByAddress(host, new byte[] {10, 0, 0, 2})};
        }
        if (host.matches("[0-9.]+") || host.equals("localhost")) {
            return InetAddress.getAllByName(host); // numeric forms parse locally; localhost is /etc/hosts
        }
        throw new UnknownHostException(host);
    };

    private HostileWeb() {
    }

    static PageFetcher fetcher() {
        return new PageFetcher(SETTINGS, new AddressGuard(RESOLVER));
    }

    /** A URL source on {@code base}, allowed to reach its own (loopback) host and no other private address. */
    static Source source(String id, URI base) {
        return new Source(id, SourceType.URL, base, Duration.ofHours(1), true, 50, null, null, 3, 0);
    }

    static Source source(String id, SourceType type, URI url, int maxArticles) {
        return new Source(id, type, url, Duration.ofHours(1), true, maxArticles, null, null, 3, 0);
    }

    static UrlProcessor processor(PageFetcher fetcher, Source source, SimpleMeterRegistry meters) {
        return new UrlProcessor(fetcher, new RobotsRules(fetcher, Duration.ofSeconds(5), Clock.systemUTC()),
                new ArticleExtractor(), new UrlStates(), Map.of(source.id(), source), Clock.systemUTC(), meters);
    }

    static FrontierEntry entry(URI url, String sourceId, int attempt) {
        return FrontierEntry.newBuilder().setUrl(url.toString()).setSourceId(sourceId)
                .setDiscoveredAt(java.time.Instant.now()).setAttempt(attempt).build();
    }
}
