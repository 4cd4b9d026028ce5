package dev.khabar.processor.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * The paragraphs of a cleaned text ({@code \n}-separated), with offsets, and which of them are
 * headings: short lines (at most {@value #HEADING_MAX_CHARS} characters and
 * {@value #HEADING_MAX_WORDS} words) without final punctuation, followed by a paragraph that is
 * not itself such a line — the seed's "पुतिन की वियतनाम की यात्रा".
 */
public final class Paragraphs {

    static final int HEADING_MAX_CHARS = 100;
    static final int HEADING_MAX_WORDS = 14;

    /** One paragraph: {@code text.substring(start, end)}. */
    public record Paragraph(int start, int end, boolean heading) {
    }

    private Paragraphs() {
    }

    /** The non-empty paragraphs of {@code text}, in order. */
    public static List<Paragraph> of(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                lines.add(new int[] {s, e});
            }
            start = end + 1;
        }
        boolean[] shortLine = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            shortLine[i] = looksLikeHeading(text, lines.get(i)[0], lines.get(i)[1]);
        }
        List<Paragraph> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            boolean heading = shortLine[i] && i + 1 < lines.size() && !shortLine[i + 1];
            out.add(new Paragraph(lines.get(i)[0], lines.get(i)[1], heading));
        }
        return out;
    }

    private static boolean looksLikeHeading(String text, int start, int end) {
        if (end - start > HEADING_MAX_CHARS || !Character.isLetter(text.charAt(start))) {
            return false;
        }
        char last = text.charAt(end - 1);
        if (".!?।॥:;,\"'”)".indexOf(last) >= 0) {
            return false;
        }
        int words = 1;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == ' ') {
                words++;
            }
        }
        return words <= HEADING_MAX_WORDS;
    }

    /**
     * Sentence ends in {@code text} between {@code start} and {@code end}: after {@code . ! ? ।
     * ॥} followed by a space or the end (a dot after a single capital letter, as in "U.S.", is
     * not an end). Returns end offsets, the last one being {@code end}.
     */
    public static List<Integer> sentenceEnds(String text, int start, int end) {
        List<Integer> out = new ArrayList<>();
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '।' && c != '॥' && c != '!' && c != '?' && c != '.') {
                continue;
            }
            if (!(i + 1 == end || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '"')) {
                continue;
            }
            boolean terminal = c != '.' || !(i >= 1 && Character.isUpperCase(text.charAt(i - 1))
                    && (i < 2 || !Character.isLetter(text.charAt(i - 2)))) && !afterTitle(text, start, i);
            if (terminal) {
                int e = i + 1;
                while (e < end && text.charAt(e) == '"') {
                    e++;
                }
                if (out.isEmpty() || e > out.get(out.size() - 1)) {
                    out.add(e);
                }
            }
        }
        if (out.isEmpty() || out.get(out.size() - 1) < end) {
            out.add(end);
        }
        return out;
    }

    /** Titles and abbreviations after which a dot does not end a sentence ("Mr. Modi", "Lt. Gen."). */
    private static final String[] TITLES = {"Mr", "Mrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cdr",
        "Adm", "Brig", "Sgt", "Sen", "Rep", "Gov", "Hon"};

    /** Whether the dot at {@code dot} follows a capitalised title such as "Mr" (a whole word). */
    private static boolean afterTitle(String text, int start, int dot) {
        int w = dot;
        while (w > start && dot - w < 5 && Character.isLetter(text.charAt(w - 1))) {
            w--;
        }
        int length = dot - w;
        if (length < 2 || length > 4 || !Character.isUpperCase(text.charAt(w))
                || w > start && Character.isLetter(text.charAt(w - 1))) {
            return false;
        }
        for (String title : TITLES) {
            if (title.length() == length && text.regionMatches(true, w, title, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where each sentence of {@code text} starts, paragraph by paragraph, in order (none for a blank
     * text); {@code paragraphs} are the text's, as {@link #of} finds them.
     */
    public static int[] sentenceStarts(String text, List<Paragraph> paragraphs) {
        List<Integer> starts = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            starts.add(p.start());
            List<Integer> ends = sentenceEnds(text, p.start(), p.end());
            for (int k = 0; k < ends.size() - 1; k++) {
                int s = ends.get(k);
                while (s < p.end() && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                starts.add(s);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index in {@code starts} ({@link #sentenceStarts}) of the sentence that holds {@code offset}. */
    public static int sentenceAt(int[] starts, int offset) {
        int i = java.util.Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }
}
