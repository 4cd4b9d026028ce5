package dev.khabar.processor.enrich;

import dev.khabar.processor.clean.FoldedText;
import dev.khabar.processor.clean.PhraseMatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds calendar dates in a text and normalises them to ISO dates: "19 जून", "19/ जून बुधवार",
 * "१९ जून २०२४", "June 20", "20th June 2024", "जून 21, 2024", "20 июня 2024", "ngày 20 tháng 6",
 * "20/06/2024", "2024-06-20". Month names come from {@code dev/khabar/processor/months.tsv}.
 *
 * <p>A date without a year takes the year that puts it closest to the publication date, where a
 * date after publication counts three times as far (news reports the past more than the future)
 * and one more than {@value #MAX_DAYS_AHEAD} days ahead is not considered. Without a publication
 * date, the latest year written in the text is used; with neither, the date is skipped.
 */
public final class DateExtractor {

    static final int MAX_DAYS_AHEAD = 180;
    private static final String RESOURCE = "/dev/khabar/processor/months.tsv";
    private static final int WEEKDAY = 0;

    private record Name(int month, String exactCase) {
    }

    private final PhraseMatcher<Name> names;

    private DateExtractor(PhraseMatcher<Name> names) {
        this.names = names;
    }

    public static DateExtractor defaults() {
        PhraseMatcher.Builder<Name> builder = PhraseMatcher.builder();
        try (InputStream in = DateExtractor.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                int month = f[0].equals("weekday") ? WEEKDAY : Integer.parseInt(f[0]);
                for (String name : f[1].split("\\|")) {
                    boolean exact = name.startsWith("=");
                    String text = exact ? name.substring(1) : name;
                    builder.add(text, new Name(month, exact ? text : null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DateExtractor(builder.build());
    }

    /** Dates in {@code text} in order; {@code published} may be {@code null}. */
    public List<DateMatch> extract(FoldedText text, LocalDate published) {
        int n = text.tokenCount();
        int[] month = new int[n]; // month number of a token, WEEKDAY (0) for weekdays, -1 otherwise
        int[] monthEnd = new int[n];
        java.util.Arrays.fill(month, -1);
        for (PhraseMatcher.Match<Name> m : names.findAll(text)) {
            Name name = m.value();
            if (month[m.startToken()] != -1 || (name.exactCase() != null
                    && !text.sourceText(m.startToken(), m.endToken()).equals(name.exactCase()))) {
                continue;
            }
            month[m.startToken()] = name.month();
            monthEnd[m.startToken()] = m.endToken();
        }
        for (int t = 0; t + 1 < n; t++) {
            if (text.token(t).equals("thang") && month[t] == -1) { // Vietnamese "tháng 6"
                int number = number(text.token(t + 1));
                if (number >= 1 && number <= 12) {
                    month[t] = number;
                    monthEnd[t] = t + 2;
                }
            }
        }
        List<int[]> found = new ArrayList<>(); // {first token, end token, year or 0, month, day}
        int fallbackYear = 0;
        for (int t = 0; t < n; t++) {
            int year = year(text.token(t));
            fallbackYear = Math.max(fallbackYear, year);
            if (month[t] > 0) {
                dayMonth(text, t, month, monthEnd, found);
            } else if (t + 2 < n && number(text.token(t)) > 0) {
                numeric(text, t, found);
            }
        }
        List<DateMatch> out = new ArrayList<>();
        int lastEnd = 0;
        for (int[] d : found) {
            if (d[0] < lastEnd) {
                continue;
            }
            LocalDate date = resolve(d[2], d[3], d[4], published, fallbackYear);
            if (date != null) {
                int end = d[1];
                if (end < n && month[end] == WEEKDAY && gapOk(text, end - 1, end, 2)) {
                    end = monthEnd[end];
                }
                int s = text.start(d[0]);
                int e = text.end(end - 1);
                out.add(new DateMatch(text.source().substring(s, e), date, s, e));
                lastEnd = end;
            }
        }
        return out;
    }

    private static void dayMonth(FoldedText text, int t, int[] month, int[] monthEnd, List<int[]> found) {
        int end = monthEnd[t];
        int n = text.tokenCount();
        int before = t > 0 ? day(text.token(t - 1)) : 0;
        if (before > 0 && gapOk(text, t - 1, t, 3)) {
            int year = end < n && gapOk(text, end - 1, end, 3) ? year(text.token(end)) : 0;
            found.add(new int[] {t - 1, year > 0 ? end + 1 : end, year, month[t], before});
            return;
        }
        int after = end < n ? day(text.token(end)) : 0;
        if (after > 0 && gapOk(text, end - 1, end, 2)) {
            int y = end + 1 < n && gapOk(text, end, end + 1, 3) ? year(text.token(end + 1)) : 0;
            found.add(new int[] {t, y > 0 ? end + 2 : end + 1, y, month[t], after});
        }
    }

    /** d/m/yyyy, d.m.yyyy, d-m-yyyy and yyyy-mm-dd, with one and the same separator. */
    private static void numeric(FoldedText text, int t, List<int[]> found) {
        String sep1 = between(text, t, t + 1);
        String sep2 = between(text, t + 1, t + 2);
        if (sep1.length() != 1 || !sep1.equals(sep2) || "/.-".indexOf(sep1.charAt(0)) < 0) {
            return;
        }
        int a = number(text.token(t));
        int b = number(text.token(t + 1));
        int c = number(text.token(t + 2));
        if (year(text.token(t)) > 0 && sep1.equals("-")) {
            found.add(new int[] {t, t + 3, a, b, c});
        } else if (year(text.token(t + 2)) > 0 && a > 0 && b > 0) {
            boolean monthFirst = b > 12 && a <= 12;
            found.add(new int[] {t, t + 3, c, monthFirst ? a : b, monthFirst ? b : a});
        }
    }

    private static LocalDate resolve(int year, int month, int day, LocalDate published, int fallbackYear) {
        try {
            if (year > 0) {
                return LocalDate.of(year, month, day);
            }
            if (published == null) {
                return fallbackYear > 0 ? LocalDate.of(fallbackYear, month, day) : null;
            }
            LocalDate best = null;
            long bestCost = Long.MAX_VALUE;
            for (int y = published.getYear() - 1; y <= published.getYear() + 1; y++) {
                if (month == 2 && day == 29 && !java.time.Year.isLeap(y)) {
                    continue;
                }
                LocalDate candidate = LocalDate.of(y, month, day);
                long days = ChronoUnit.DAYS.between(published, candidate);
                long cost = days <= 0 ? -days : days * 3;
                if (days <= MAX_DAYS_AHEAD && cost < bestCost) {
                    best = candidate;
                    bestCost = cost;
                }
            }
            return best;
        } catch (DateTimeException e) {
            return null; // 31 June and the like
        }
    }

    /** The text between two adjacent tokens is short and only spaces or date punctuation. */
    private static boolean gapOk(FoldedText text, int left, int right, int max) {
        String gap = between(text, left, right);
        if (gap.length() > max) {
            return false;
        }
        for (int i = 0; i < gap.length(); i++) {
            if (" /,.-".indexOf(gap.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String between(FoldedText text, int left, int right) {
        return text.source().substring(text.end(left), text.start(right));
    }

    /** 1..31, also "20th", "1st", "2nd", "3rd"; 0 otherwise. */
    private static int day(String token) {
        String digits = token;
        if (token.length() > 2 && (token.endsWith("st") || token.endsWith("nd") || token.endsWith("rd")
                || token.endsWith("th"))) {
            digits = token.substring(0, token.length() - 2);
        }
        int d = digits.length() <= 2 ? number(digits) : 0;
        return d >= 1 && d <= 31 ? d : 0;
    }

    private static int year(String token) {
        int y = token.length() == 4 ? number(token) : 0;
        return y >= 1900 && y <= 2100 ? y : 0;
    }

    /** The value of an all-digit token (folded, so Devanagari digits are ASCII); 0 otherwise. */
    private static int number(String token) {
        if (token.isEmpty() || token.length() > 4) {
            return 0;
        }
        int v = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
