package dev.khabar.ingest;

import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import java.net.URI;

/** Told what happened to each URL, for progress lines, fetch logs and tests. */
@FunctionalInterface
public interface IngestListener {

    IngestListener NONE = (source, url, outcome, detail) -> { };

    /**
     * @param detail the article id for {@link FetchOutcome#PUBLISHED}, else a short reason
     */
    void onOutcome(Source source, URI url, FetchOutcome outcome, String detail);
}
