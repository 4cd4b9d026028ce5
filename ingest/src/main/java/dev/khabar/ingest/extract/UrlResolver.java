package dev.khabar.ingest.extract;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Locale;

/** Resolves possibly relative, possibly malformed hrefs against the page URL, leniently. */
final class UrlResolver {
    private final URL base;

    UrlResolver(URI pageUrl) {
        URL b = null;
        try {
            b = pageUrl == null ? null : pageUrl.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            b = null;
        }
        this.base = b;
    }

    /** The absolute http(s) URL for {@code href}, or {@code null} if it is not one. */
    String resolve(String href) {
        if (href == null) {
            return null;
        }
        String h = href.strip();
        if (h.isEmpty() || h.startsWith("#") || h.startsWith("data:") || h.startsWith("javascript:")
                || h.startsWith("mailto:") || h.startsWith("tel:")) {
            return null;
        }
        try {
            URL u = base == null ? new URL(h) : new URL(base, h);
            String protocol = u.getProtocol().toLowerCase(Locale.ROOT);
            if (!protocol.equals("http") && !protocol.equals("https")) {
                return null;
            }
            return u.toExternalForm().replace(" ", "%20");
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }
}
