package dev.khabar.ingest.frontier;

import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.schemas.FrontierEntry;
import dev.khabar.schemas.RawArticle;
import dev.khabar.schemas.UrlState;
import java.util.List;

/**
 * What processing one frontier entry produced: its outcome, an article to publish (or null),
 * state to remember and new frontier entries (retries, followed links).
 */
public record UrlResult(FetchOutcome outcome, int status, String detail, RawArticle article, List<UrlState> states,
                        List<FrontierEntry> followUps) {

    public static UrlResult of(FetchOutcome outcome, int status, String detail) {
        return new UrlResult(outcome, status, detail, null, List.of(), List.of());
    }

    /** Not processed in this poll: the entry goes back to the frontier as it is. */
    static UrlResult deferred(FrontierEntry entry, String why) {
        return new UrlResult(FetchOutcome.DEFERRED, 0, why, null, List.of(), List.of(entry));
    }

    UrlResult withStates(List<UrlState> s) {
        return new UrlResult(outcome, status, detail, article, s, followUps);
    }
}
