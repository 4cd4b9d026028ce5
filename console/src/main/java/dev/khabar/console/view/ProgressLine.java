package dev.khabar.console.view;

import dev.khabar.ingest.IngestListener;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.source.Source;
import dev.khabar.schemas.EnrichedArticle;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * A live status line on the terminal — URLs fetched, published, failed, articles processed and
 * how many carry each label — redrawn in place instead of scrolling logs. Article lines printed
 * through {@link #article} appear above it. When {@code live} is false (not a terminal, or JSON
 * output) it draws nothing and only passes the lines through.
 */
public final class ProgressLine implements IngestListener {

    private static final String CLEAR = "\r\u001b[K";

    private final PrintStream err;
    private final boolean live;
    private final Map<String, Integer> labels = new TreeMap<>();
    private int fetched;
    private int published;
    private int failed;
    private int processed;
    private boolean drawn;

    public ProgressLine(PrintStream err, boolean live) {
        this.err = err;
        this.live = live;
    }

    @Override
    public synchronized void onOutcome(Source source, URI url, FetchOutcome outcome, String detail) {
        fetched++;
        if (outcome == FetchOutcome.PUBLISHED) {
            published++;
        } else if (outcome.isFailure()) {
            failed++;
        }
        draw();
    }

    /** Counts a processed article and runs {@code print} (which shows it) above the status line. */
    public synchronized void article(EnrichedArticle a, Runnable print) {
        processed++;
        if (a.getLabels().isEmpty()) {
            labels.merge("none", 1, Integer::sum);
        }
        a.getLabels().forEach(l -> labels.merge(l, 1, Integer::sum));
        if (live && drawn) {
            err.print(CLEAR);
            err.flush();
        }
        print.run();
        draw();
    }

    /** The status text itself (without the terminal control characters). */
    public synchronized String status() {
        StringBuilder s = new StringBuilder(String.format("fetched %d  published %d  failed %d  processed %d",
                fetched, published, failed, processed));
        if (!labels.isEmpty()) {
            s.append("  |");
            labels.forEach((label, n) -> s.append(' ').append(label).append(' ').append(n));
        }
        return s.toString();
    }

    private void draw() {
        if (live) {
            err.print(CLEAR + "  " + status());
            err.flush();
            drawn = true;
        }
    }

    /** Ends the status line so what follows starts on a fresh line. */
    public synchronized void finish() {
        if (live && drawn) {
            err.println();
            drawn = false;
        }
    }
}
