package dev.khabar.ingest.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.khabar.schemas.UrlState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * URL states, kept packed in the heap or in a local RocksDB: what goes in comes out, the newer state
 * wins, and a restore undoes only its own.
 */
class UrlStatesTest {

    @TempDir
    static Path dirs;
    private static int nextDir;
    private final List<UrlStates> opened = new ArrayList<>();

    static Stream<String> stores() {
        return Stream.of("heap", "disk");
    }

    private UrlStates open(String store) {
        UrlStates states = store.equals("heap") ? new UrlStates() : UrlStates.onDisk(dirs.resolve("s" + nextDir++));
        opened.add(states);
        return states;
    }

    @AfterEach
    void close() {
        opened.forEach(UrlStates::close);
    }

    private static final String URL = "https://news.example/2026/11/29/रक्षा-समझौता";
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    private static UrlState state(Instant fetched, int version, String etag) {
        return UrlState.newBuilder().setUrl(URL).setLastFetched(fetched).setEtag(etag)
                .setLastModified("Sun, 29 Nov 2026 07:00:00 GMT").setContentHash("ab".repeat(32)).setVersion(version)
                .setArticleId("0123456789abcdef").setLastOutcome("published").build();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aStateComesBackAsItWentIn(String store) {
        UrlStates states = open(store);
        UrlState s = state(T0, 2, "W/\"x1\"");
        UrlState sparse = UrlState.newBuilder().setUrl("https://news.example/a").setLastFetched(T0).build();

        states.remember(s);
        states.remember(sparse);

        assertThat(states.find(URL)).contains(s);
        assertThat(states.find("https://news.example/a")).contains(sparse);
        assertThat(states.find("https://news.example/b")).isEmpty();
        assertThat(states.size()).isEqualTo(2L);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void theNewerStateWinsByFetchTimeThenVersion(String store) {
        UrlStates states = open(store);
        UrlState first = state(T0, 1, "a");
        UrlState later = state(T0.plusSeconds(60), 1, "b");
        UrlState sameTimeNextVersion = state(T0.plusSeconds(60), 2, "c");

        states.remember(later);
        states.remember(first); // older: ignored
        assertThat(states.find(URL)).contains(later);

        states.remember(sameTimeNextVersion);
        assertThat(states.find(URL)).contains(sameTimeNextVersion);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aRestorePutsBackThePreviousStateOnlyWhereOursIsStillCurrent(String store) {
        UrlStates states = open(store);
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

        UrlStates fresh = open(store);
        fresh.remember(ours);
        fresh.restore(ours, null);
        assertThat(fresh.find(URL)).isEmpty();
        assertThat(fresh.size()).isZero();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void threadsRememberingTheSameUrlsAtOnceLeaveTheNewestStateOfEachAndTheRightCount(String store) throws Exception {
        UrlStates states = open(store);
        int threads = 8;
        int urls = 300;
        int perThread = 6_000;
        java.util.concurrent.ConcurrentHashMap<String, UrlState> newest = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String url = "https://news.example/story/" + random.nextInt(urls);
                        UrlState s = UrlState.newBuilder().setUrl(url)
                                .setLastFetched(T0.plusSeconds(random.nextInt(1_000_000))).setVersion(1 + random.nextInt(3))
                                .setEtag("e" + seed + "-" + i).build();
                        states.remember(s);
                        newest.merge(url, s, (a, b) -> newerOf(a, b));
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(states.size()).isEqualTo(newest.size());
        for (var e : newest.entrySet()) {
            UrlState kept = states.find(e.getKey()).orElseThrow();
            // the newest by fetch time, then version (ties of both: any of them)
            assertThat(kept.getLastFetched()).as(e.getKey()).isEqualTo(e.getValue().getLastFetched());
            assertThat(kept.getVersion()).as(e.getKey()).isEqualTo(e.getValue().getVersion());
        }
    }

    private static UrlState newerOf(UrlState a, UrlState b) {
        int byTime = b.getLastFetched().compareTo(a.getLastFetched());
        return byTime > 0 || (byTime == 0 && b.getVersion() > a.getVersion()) ? b : a;
    }

    private UrlStates openPartitioned(String store, int partitions) {
        UrlStates states = store.equals("heap") ? UrlStates.partitioned(partitions)
                : UrlStates.onDisk(dirs.resolve("s" + nextDir++), partitions);
        opened.add(states);
        return states;
    }

    @ParameterizedTest
    @MethodSource("stores")
    void partitionedStatesAreKeptAndFoundOnlyForHeldPartitionsAndAReleasedOneIsGone(String store) {
        UrlStates states = openPartitioned(store, 4);
        // a site's URLs share its partition, whatever the scheme, case, port, trailing dot or "www."
        assertThat(states.partitionOf("https://www.Kal.example/a")).isEqualTo(states.partitionOf("http://kal.example.:8080/b"))
                .isEqualTo(SiteKeys.partition("https://kal.example/c", 4));
        String mine = "https://kal.example/";
        String other = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "https://site" + i + ".example/")
                .filter(u -> states.partitionOf(u) != states.partitionOf(mine)).findFirst().orElseThrow();
        int held = states.partitionOf(mine);
        states.hold(held);
        UrlState a = UrlState.newBuilder().setUrl(mine + "a").setLastFetched(T0).build();
        UrlState b = UrlState.newBuilder().setUrl(mine + "b").setLastFetched(T0).build();
        UrlState elsewhere = UrlState.newBuilder().setUrl(other + "x").setLastFetched(T0).build();

        states.remember(a);
        states.remember(b);
        states.remember(elsewhere); // another instance's site: not kept here

        assertThat(states.find(mine + "a")).contains(a);
        assertThat(states.find(other + "x")).isEmpty();
        assertThat(states.size()).isEqualTo(2L);

        states.release(held);
        assertThat(states.holds(held)).isFalse();
        assertThat(states.find(mine + "a")).isEmpty();
        assertThat(states.size()).isZero();
        states.hold(held); // back to this instance: empty until the topic refills it
        assertThat(states.find(mine + "a")).isEmpty();
        states.remember(b);
        assertThat(states.find(mine + "b")).contains(b);
        assertThat(states.size()).isEqualTo(1L);
    }

    @Test
    void theDiskStoreStartsEmptyWhateverItsDirectoryHeldAndDeletesItAtClose() throws Exception {
        Path dir = dirs.resolve("left-behind");
        // what a run that ended without closing left: not trusted, the topic refills the store
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old/000042.sst"), "not a table");
        Files.writeString(dir.resolve("LOCK"), "");

        UrlStates states = UrlStates.onDisk(dir);
        assertThat(states.find(URL)).isEmpty();
        states.remember(state(T0, 1, "a"));
        assertThat(states.find(URL)).contains(state(T0, 1, "a"));
        assertThat(dir.resolve("old")).doesNotExist();
        states.close();

        assertThat(dir).doesNotExist();
    }

    @Test
    void aDirectoryInUseIsNotTakenOverAndIsLeftAsItIs() {
        UrlStates first = open("disk");
        Path dir = dirs.resolve("s" + (nextDir - 1));
        first.remember(state(T0, 1, "a"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UrlStates.onDisk(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        assertThat(first.find(URL)).contains(state(T0, 1, "a"));
    }

    @Test
    void aClosedDiskStoreRefusesUseInsteadOfTakingTheJvmDown() {
        UrlStates states = UrlStates.onDisk(dirs.resolve("closed"));
        states.remember(state(T0, 1, "a"));
        states.close();
        states.close(); // twice is fine
        assertThat(dirs.resolve("closed")).doesNotExist();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> states.find(URL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> states.remember(state(T0, 2, "b")))
                .isInstanceOf(IllegalStateException.class);
    }
}
