package dev.khabar.ingest.source;

import java.net.URI;
import java.time.Instant;

/** One article link found in a feed, with what the feed says about it. */
public record FeedEntry(URI link, String title, Instant published) {
}
