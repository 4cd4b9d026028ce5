package dev.khabar.ingest.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.schemas.UrlState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** URL states, kept packed: what goes in comes out, the newer state wins, and a restore undoes only its own. */
class UrlStatesTest {

    private static final String URL = "https://news.example/2026/11/29/रक्षा-समझौता";
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    private static UrlState state(Instant fetched, int version, String etag) {
        return UrlState.newBuilder().setUrl(URL).setLastFetched(fetched).setEtag(etag)
                .setLastModified("Sun, 29 Nov 2026 07:00:00 GMT").setContentHash("ab".repeat(32)).setVersion(version)
                .setArticleId("0123456789abcdef").setLastOutcome("published").build();
    }

    @Test
    void aStateComesBackAsItWentIn() {
        UrlStates states = new UrlStates();
        UrlState s = state(T0, 2, "W/\"x1\"");
        UrlState sparse = UrlState.newBuilder().setUrl("https://news.example/a").setLastFetched(T0).build();

        states.remember(s);
        states.remember(sparse);

        assertThat(states.find(URL)).contains(s);
        assertThat(states.find("https://news.example/a")).contains(sparse);
        assertThat(states.find("https://news.example/b")).isEmpty();
        assertThat(states.size()).isEqualTo(2);
    }

    @Test
    void theNewerStateWinsByFetchTimeThenVersion() {
        UrlStates states = new UrlStates();
        UrlState first = state(T0, 1, "a");
        UrlState later = state(T0.plusSeconds(60), 1, "b");
        UrlState sameTimeNextVersion = state(T0.plusSeconds(60), 2, "c");

        states.remember(later);
        states.remember(first); // older: ignored
        assertThat(states.find(URL)).contains(later);

        states.remember(sameTimeNextVersion);
        assertThat(states.find(URL)).contains(sameTimeNextVersion);
    }

    @Test
    void aRestorePutsBackThePreviousStateOnlyWhereOursIsStillCurrent() {
        UrlStates states = new UrlStates();
        UrlState before = state(T0, 1, "a");
        UrlState ours = state(T0.plusSeconds(10), 2, "b");
        states.remember(before);
        states.remember(ours);

        states.restore(ours, before);
        assertThat(states.find(URL)).contains(before);

        UrlState fromTopic = state(T0.plusSeconds(20), 3, "c");
        states.remember(ours);
        states.remember(fromTopic);
        states.restore(ours, before); // another instance's state replaced ours meanwhile: kept
        assertThat(states.find(URL)).contains(fromTopic);

        UrlStates fresh = new UrlStates();
        fresh.remember(ours);
        fresh.restore(ours, null);
        assertThat(fresh.find(URL)).isEmpty();
    }
}
