package dev.khabar.processor.classify;

import dev.khabar.processor.clean.Paragraphs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A digest ("News in brief", "संक्षेप में", "Коротко о главном"): one article made of short,
 * unrelated items, each a paragraph that opens with a lead-in of its own — "Army chief in Vietnam:
 * …", "3. नए राजदूतों ने सौंपे परिचय-पत्र: …", "Учения. …". Each item is a story of its own, so the
 * classifier labels them one by one, and the weather, sport and markets of the others do not argue
 * against the one that reports a visit.
 *
 * <p>A text is a digest when at least {@value #MIN_ITEMS} of its paragraphs, and at least three in
 * five, are such items, with lead-ins that differ from each other (an interview's repeated "Q:" and
 * "A:" are not items) and are not times, dates or numbered labels (a live blog's "सुबह 9:30 बजे:", a
 * photo story's "Photo 3:").
 */
final class Digest {

    static final int MIN_ITEMS = 3;
    private static final int MAX_LEAD_IN_WORDS = 8;
    /**
     * A lead-in ended by a full stop is one or two words ("Погода.", "Театр."): longer ones are
     * sentences, shorter ones abbreviations ("Mr.", "Gen.").
     */
    private static final int MAX_WORDS_BEFORE_FULL_STOP = 2;
    private static final int MIN_CHARS_BEFORE_FULL_STOP = 4;
    private static final int MAX_LEAD_IN_CHARS = 80;
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\d{1,2}[.)]|[•▪●*–—-])\\s+");
    private static final int MAX_WORDS_OF_A_LABEL = 3;

    private Digest() {
    }

    /**
     * The items of a digest as sections: {from, to, leadInStart, leadInEnd} per item, offsets into
     * {@code text}; empty when the text is not a digest.
     */
    static List<int[]> items(String text, List<Paragraphs.Paragraph> paragraphs) {
        List<int[]> items = new ArrayList<>();
        Set<String> leadIns = new HashSet<>();
        int body = 0;
        for (Paragraphs.Paragraph p : paragraphs) {
            if (p.heading()) {
                continue;
            }
            body++;
            int[] leadIn = leadIn(text, p.start(), p.end());
            if (leadIn != null) {
                if (!leadIns.add(text.substring(leadIn[0], leadIn[1]).toLowerCase(Locale.ROOT))) {
                    return List.of();
                }
                items.add(new int[] {p.start(), p.end(), leadIn[0], leadIn[1]});
            }
        }
        boolean digest = items.size() >= MIN_ITEMS && items.size() * 5 >= body * 3;
        return digest ? items : List.of();
    }

    /** {start, end} of the paragraph's lead-in, after any list marker; null when it has none. */
    private static int[] leadIn(String text, int start, int end) {
        String p = text.substring(start, Math.min(end, start + MAX_LEAD_IN_CHARS + 8));
        Matcher marker = LIST_MARKER.matcher(p);
        int from = marker.lookingAt() ? marker.end() : 0;
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < p.length() && i - from <= MAX_LEAD_IN_CHARS; i++) {
            char c = p.charAt(i);
            boolean ends = c == ':' || (c == '.' && words + (inWord ? 1 : 0) <= MAX_WORDS_BEFORE_FULL_STOP
                    && i - from >= MIN_CHARS_BEFORE_FULL_STOP)
                    || ((c == '–' || c == '—') && i > from && p.charAt(i - 1) == ' ');
            if (ends && i + 1 < p.length() && Character.isWhitespace(p.charAt(i + 1))) {
                int leadEnd = i;
                while (leadEnd > from && Character.isWhitespace(p.charAt(leadEnd - 1))) {
                    leadEnd--;
                }
                String leadIn = p.substring(from, leadEnd);
                int leadWords = words + (inWord ? 1 : 0);
                // a time, a date or a numbered label ("10:15", "सुबह 8:00 बजे", "June 9", "Photo 3") belongs to a
                // live blog, a timeline or a photo story: parts of one story, not items of their own
                if (leadIn.isEmpty() || leadWords <= MAX_WORDS_OF_A_LABEL && leadIn.chars().anyMatch(Character::isDigit)) {
                    return null;
                }
                return new int[] {start + from, start + leadEnd};
            }
            if (c == '.' || c == '?' || c == '!' || c == '।') {
                return null; // a sentence ended first: an ordinary paragraph
            }
            if (Character.isWhitespace(c)) {
                if (inWord && ++words >= MAX_LEAD_IN_WORDS) {
                    return null;
                }
                inWord = false;
            } else {
                inWord = true;
            }
        }
        return null;
    }
}
