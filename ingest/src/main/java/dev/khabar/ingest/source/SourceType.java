package dev.khabar.ingest.source;

import java.util.Locale;

/** How a source's article URLs are discovered. */
public enum SourceType {
    /** An RSS 2.0 or Atom feed; each entry's link is an article. */
    RSS,
    /** Same as {@link #RSS}: the feed reader detects the format. */
    ATOM,
    /** A sitemap or sitemap index (also Google News sitemaps); every {@code <loc>} is an article. */
    SITEMAP,
    /** An index page: article links chosen by a CSS selector, more pages by a "next" selector. */
    LISTING,
    /** A WordPress site's REST API ({@code /wp-json/wp/v2/posts}): body, UTC dates and terms without scraping. */
    WORDPRESS,
    /** A single article URL. */
    URL;

    public static SourceType parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source type '" + value + "' (expected rss, atom, sitemap, listing, wordpress or url)", e);
        }
    }
}
