package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Line-level cleaning of the body: drops widget and form lines, link lists, the repeated title
 * and leading bylines, and moves "read more" lines to their own list.
 */
final class BodyCleaner {
    private static final double MAX_LINK_DENSITY = 0.5;
    /** A link-heavy line with at least this much text outside its links is prose, not a link list. */
    private static final int MIN_PLAIN_CHARS = 60;

    private final List<String> lines = new ArrayList<>();
    private final Set<String> links = new LinkedHashSet<>();
    private final Set<String> readMore = new LinkedHashSet<>();

    private BodyCleaner() {
    }

    static BodyCleaner clean(List<BodyChunk> chunks, String title, List<String> readMoreBoxLinks) {
        BodyCleaner c = new BodyCleaner();
        c.readMore.addAll(readMoreBoxLinks);
        c.run(chunks, title == null ? "" : TextRules.normalise(title));
        return c;
    }

    String text() {
        return String.join("\n", lines);
    }

    List<String> links() {
        return new ArrayList<>(links);
    }

    List<String> readMoreLinks() {
        return new ArrayList<>(readMore);
    }

    private void run(List<BodyChunk> chunks, String title) {
        List<BodyChunk> kept = new ArrayList<>();
        boolean readMorePending = false;
        boolean seenParagraph = false;
        for (BodyChunk c : chunks) {
            String line = c.toString();
            if (TextRules.isReadMorePrompt(line) && (!c.links.isEmpty() || line.length() < 200)) {
                readMore.addAll(c.links);
                readMorePending = c.links.isEmpty();
                continue;
            }
            if (readMorePending && !c.links.isEmpty() && c.linkDensity() > MAX_LINK_DENSITY) {
                readMore.addAll(c.links);
                continue;
            }
            readMorePending = false;
            if (TextRules.isBoilerplateLine(line)) {
                continue;
            }
            if (c.linkDensity() > MAX_LINK_DENSITY && !c.isHeading() && c.plainChars() < MIN_PLAIN_CHARS) {
                continue;
            }
            if (!seenParagraph && (c.isHeading() || line.length() < 200)
                    && TextRules.normalise(line).equals(title)) {
                continue;
            }
            if (!seenParagraph && isByline(line)) {
                continue;
            }
            if (line.length() > 80) {
                seenParagraph = true;
            }
            lines.add(line);
            kept.add(c);
        }
        int before = lines.size();
        EdgeTrimmer.trim(lines, title);
        int first = 0;
        while (first < kept.size() && !kept.get(first).toString().equals(lines.isEmpty() ? null : lines.get(0))) {
            first++;
        }
        for (int i = first; i < first + lines.size() && i < kept.size() && before > 0; i++) {
            links.addAll(kept.get(i).links);
        }
    }

    private static boolean isByline(String line) {
        if (line.length() > 80) {
            return false;
        }
        String l = line.toLowerCase(Locale.ROOT);
        return l.startsWith("by ") || l.startsWith("द्वारा") || l.startsWith("प्रस्तुतकर्ता")
                || l.startsWith("posted by") || l.startsWith("written by") || l.startsWith("लेखक:");
    }
}
