package dev.khabar.console.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The words that earned a label, shown in place: a piece of the title or the body with every
 * matching span marked. All title matches of a label share one snippet (the whole title); body
 * matches close enough to share their context share one snippet, with about {@value #CONTEXT}
 * characters around. Offsets are into the title for {@code field = "title"} and into the body
 * text otherwise, as the processor writes them; a span whose offsets do not fit its text is shown
 * on its own.
 */
public record EvidenceSnippet(String label, String field, List<Part> parts) {

    /** Characters of context on each side of a match in the body. */
    public static final int CONTEXT = 48;
    /** Longest stretch of body text between the first and last match of one snippet. */
    public static final int MAX_SPAN = 120;

    /** A run of text, matched (to highlight) or not. */
    public record Part(String text, boolean match) {
    }

    /** One evidence span as the article carries it. */
    public record Span(String field, String text, int start, int end) {
        boolean inTitle() {
            return "title".equals(field);
        }
    }

    /** The text of the snippet without marks. */
    public String plain() {
        StringBuilder s = new StringBuilder();
        parts.forEach(p -> s.append(p.text()));
        return s.toString();
    }

    /** Up to {@code max} snippets of one label's spans: the title's first, then the body's in reading order. */
    public static List<EvidenceSnippet> of(String label, List<Span> spans, String title, String text, int max) {
        List<EvidenceSnippet> out = new ArrayList<>();
        List<Span> inTitle = new ArrayList<>();
        List<Span> inText = new ArrayList<>();
        for (Span s : spans) {
            String source = s.inTitle() ? title : text;
            if (source == null || s.start() < 0 || s.end() > source.length() || s.start() >= s.end()
                    || !source.substring(s.start(), s.end()).equals(s.text())) {
                out.add(new EvidenceSnippet(label, s.field(), List.of(new Part(s.text(), true))));
            } else {
                (s.inTitle() ? inTitle : inText).add(s);
            }
        }
        List<EvidenceSnippet> placed = new ArrayList<>();
        if (!inTitle.isEmpty()) {
            placed.add(snippet(label, "title", inTitle, title, 0, title.length()));
        }
        inText.sort(Comparator.comparingInt(Span::start));
        List<Span> group = new ArrayList<>();
        for (Span s : inText) {
            if (!group.isEmpty() && (s.start() - CONTEXT > group.get(group.size() - 1).end() + CONTEXT
                    || s.end() - group.get(0).start() > MAX_SPAN)) {
                placed.add(textSnippet(label, group, text));
                group = new ArrayList<>();
            }
            group.add(s);
        }
        if (!group.isEmpty()) {
            placed.add(textSnippet(label, group, text));
        }
        placed.addAll(out);
        return placed.size() > max ? List.copyOf(placed.subList(0, max)) : placed;
    }

    private static EvidenceSnippet textSnippet(String label, List<Span> group, String text) {
        int from = wordStart(text, Math.max(0, group.get(0).start() - CONTEXT));
        int to = wordEnd(text, Math.min(text.length(), group.get(group.size() - 1).end() + CONTEXT));
        return snippet(label, group.get(0).field(), group, text, from, to);
    }

    private static EvidenceSnippet snippet(String label, String field, List<Span> spans, String source, int from, int to) {
        List<Part> parts = new ArrayList<>();
        if (from > 0) {
            parts.add(new Part("…", false));
        }
        int cursor = from;
        for (Span s : spans.stream().sorted(Comparator.comparingInt(Span::start)).toList()) {
            if (s.start() < cursor) {
                continue; // overlaps a span already marked
            }
            if (s.start() > cursor) {
                parts.add(new Part(oneLine(source.substring(cursor, s.start())), false));
            }
            parts.add(new Part(oneLine(source.substring(s.start(), s.end())), true));
            cursor = s.end();
        }
        if (cursor < to) {
            parts.add(new Part(oneLine(source.substring(cursor, to)), false));
        }
        if (to < source.length()) {
            parts.add(new Part("…", false));
        }
        return new EvidenceSnippet(label, field, List.copyOf(parts));
    }

    private static int wordStart(String s, int i) {
        int limit = Math.max(0, i - 12);
        for (int j = i; j > limit; j--) {
            if (Character.isWhitespace(s.charAt(j - 1))) {
                return j;
            }
        }
        return i;
    }

    private static int wordEnd(String s, int i) {
        int limit = Math.min(s.length(), i + 12);
        for (int j = i; j < limit; j++) {
            if (Character.isWhitespace(s.charAt(j))) {
                return j;
            }
        }
        return i;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }
}
