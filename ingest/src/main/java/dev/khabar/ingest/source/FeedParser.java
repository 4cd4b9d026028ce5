package dev.khabar.ingest.source;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.InputSource;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom feeds with ROME. ROME's {@link SyndFeedInput} disallows
 * DOCTYPE declarations by default, which shuts out external entities and entity expansion.
 */
public final class FeedParser {

    private final int maxEntries;

    public FeedParser(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The article links of a feed, in feed order; relative links are resolved against {@code feedUrl}. */
    public List<FeedEntry> parse(String xml, URI feedUrl) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try {
            feed = input.build(new InputSource(new StringReader(xml)));
        } catch (IllegalArgumentException e) {
            throw new FeedException("not a feed: " + e.getMessage(), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            if (entries.size() >= maxEntries) {
                break;
            }
            String link = e.getLink() != null ? e.getLink() : e.getUri();
            if (link == null || link.isBlank()) {
                continue;
            }
            URI uri;
            try {
                uri = feedUrl.resolve(link.strip());
            } catch (IllegalArgumentException bad) {
                continue; // a malformed link in one entry does not spoil the feed
            }
            var date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            entries.add(new FeedEntry(uri, e.getTitle(), date == null ? null : date.toInstant()));
        }
        return entries;
    }
}
