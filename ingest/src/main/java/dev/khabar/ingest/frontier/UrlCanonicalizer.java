package dev.khabar.ingest.frontier;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One spelling per page: lower-case scheme and host, no default port, no fragment, no empty
 * query, no tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...), remaining
 * query parameters kept in their order, and a path of at least {@code /}.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid",
            "mc_eid", "_ga", "igshid", "ref_src", "spm", "share", "amp");

    private UrlCanonicalizer() {
    }

    /** The canonical form of an absolute http(s) URL, or empty when it is not one. */
    public static Optional<URI> canonicalize(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || url.getRawAuthority() == null) {
            return Optional.empty();
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String host = url.getHost();
        if (host == null) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = url.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = cleanQuery(url.getRawQuery());
        StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
        if (port != -1) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        try {
            return Optional.of(new URI(sb.toString()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Parses and canonicalises a link found in a page or feed. */
    public static Optional<URI> canonicalize(String url) {
        try {
            return canonicalize(new URI(url.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String cleanQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(part);
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }
}
