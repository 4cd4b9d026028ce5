package dev.khabar.ingest.frontier;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a URL's work and knowledge live: the frontier is keyed by the URL's site — its host in
 * lower case, without a trailing dot or a leading {@code www.} — and a URL's state goes to the
 * state topic's partition of the same number, so the instance that fetches a site holds the
 * states of that site's URLs and no others. A page may name a canonical URL only on its own site
 * ({@link UrlProcessor#chooseCanonical}), so every state a fetch reads or writes is in its own
 * partition.
 */
public final class SiteKeys {

    private SiteKeys() {
    }

    /** The site of {@code url}, or {@code url} itself when it has no host. */
    public static String of(String url) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return url;
        }
        if (host == null) {
            return url;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * The partition of {@code url}'s site among {@code partitions}: the one Kafka's default partitioner
     * gives a record keyed by {@link #of} (murmur2 of the key's UTF-8 bytes), so frontier entries
     * and URL states of one site meet in partitions of the same number.
     */
    public static int partition(String url, int partitions) {
        return Utils.toPositive(Utils.murmur2(of(url).getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
