package dev.khabar.ingest.source;

import java.util.Locale;

/** How a source's article URLs are discovered. */
public enum SourceType {
    /** An RSS 2.0 or Atom feed; each entry's link is an article. */
    RSS,
    /** Same as {@link #RSS}: the feed reader detects the format. */
    ATOM,
    /** A single article URL. */
    URL;

    public static SourceType parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source type '" + value + "' (expected rss, atom or url)", e);
        }
    }
}
