package dev.khabar.ingest.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates pages print: ISO 8601 and its sloppy variants, epoch seconds, RFC 1123,
 * "June 20, 2024", "20 जून 2024", "१९ जून २०२४" (any script's digits), "2019년 11월 19일",
 * numeric day/month/year, with times and zone names where given.
 */
final class DateParser {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?)?"
            + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?(?!\\d))?");
    private static final Pattern CJK = Pattern.compile("(\\d{4})\\s*[년年]\\s*(\\d{1,2})\\s*[월月]\\s*(\\d{1,2})\\s*[일日]");
    private static final Pattern NUMERIC_DMY = Pattern.compile("(?<!\\d)(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?!\\d)");
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:])(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?\\s?m\\.?)?(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile("(?:GMT|UTC)?\\s?([+-])(\\d{1,2})(?::?(\\d{2}))?(?!\\d)");
    private static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 2100;

    private DateParser() {
    }

    /** Parses {@code raw}; {@code null} if no plausible date is in it. */
    static ParsedDate parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 300) {
            return null;
        }
        String s = asciiDigits(raw.strip());
        try {
            ParsedDate d = parseEpoch(s);
            if (d == null) {
                d = parseIso(s);
            }
            if (d == null) {
                d = parseCjk(s);
            }
            if (d == null) {
                d = parseTextual(s);
            }
            if (d == null) {
                d = parseNumeric(s);
            }
            return d;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ParsedDate parseEpoch(String s) {
        int n = s.length();
        if ((n != 10 && n != 13) || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long v = Long.parseLong(s);
        Instant i = n == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        LocalDateTime t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        return plausible(t.getYear()) ? new ParsedDate(t, ZoneOffset.UTC, true) : null;
    }

    private static ParsedDate parseIso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.find()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (!plausible(year)) {
            return null;
        }
        LocalDateTime t = LocalDateTime.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 0, 0);
        boolean hasTime = m.group(4) != null;
        if (hasTime) {
            t = t.withHour(Integer.parseInt(m.group(4))).withMinute(Integer.parseInt(m.group(5)));
            if (m.group(6) != null) {
                t = t.withSecond(Integer.parseInt(m.group(6)));
            }
        }
        ZoneOffset offset = m.group(7) != null ? offset(m.group(7)) : hasTime ? zoneName(s.substring(m.end())) : null;
        return new ParsedDate(t, offset, hasTime);
    }

    private static ParsedDate parseCjk(String s) {
        Matcher m = CJK.matcher(s);
        if (!m.find()) {
            return null;
        }
        return withTime(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), s);
    }

    private static ParsedDate parseTextual(String s) {
        int[] ymd = MonthNames.findDate(s);
        return ymd == null ? null : withTime(ymd[0], ymd[1], ymd[2], s);
    }

    private static ParsedDate parseNumeric(String s) {
        Matcher m = NUMERIC_DMY.matcher(s);
        if (!m.find()) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int year = Integer.parseInt(m.group(3));
        boolean monthFirst = b > 12 && a <= 12;
        return withTime(year, monthFirst ? a : b, monthFirst ? b : a, s);
    }

    private static ParsedDate withTime(int year, int month, int day, String s) {
        if (!plausible(year)) {
            return null;
        }
        LocalDateTime t = LocalDateTime.of(year, month, day, 0, 0);
        Matcher m = TIME.matcher(s);
        if (!m.find()) {
            return new ParsedDate(t, null, false);
        }
        int hour = Integer.parseInt(m.group(1));
        String ampm = m.group(4);
        if (ampm != null) {
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23) {
            return new ParsedDate(t, null, false);
        }
        t = t.withHour(hour).withMinute(Integer.parseInt(m.group(2)));
        if (m.group(3) != null) {
            t = t.withSecond(Integer.parseInt(m.group(3)));
        }
        String rest = s.substring(m.end());
        ZoneOffset offset = zoneName(rest);
        if (offset == null) {
            Matcher o = OFFSET.matcher(rest);
            if (o.find() && o.start() < 8) {
                offset = offset(o.group());
            }
        }
        return new ParsedDate(t, offset, true);
    }

    static ZoneOffset offset(String raw) {
        String s = raw.strip().toUpperCase(Locale.ROOT).replace("GMT", "").replace("UTC", "").strip();
        if (s.isEmpty() || s.equals("Z")) {
            return ZoneOffset.UTC;
        }
        int sign = s.charAt(0) == '-' ? -1 : 1;
        String digits = s.substring(1).replace(":", "");
        int h;
        int m = 0;
        if (digits.length() <= 2) {
            h = Integer.parseInt(digits);
        } else {
            h = Integer.parseInt(digits.substring(0, digits.length() - 2));
            m = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
    }

    /** Zone abbreviations that news sites print after times. */
    private static ZoneOffset zoneName(String rest) {
        String r = rest.strip();
        if (r.length() < 2) {
            return null;
        }
        int end = 0;
        while (end < r.length() && end < 5 && Character.isLetter(r.charAt(end))) {
            end++;
        }
        String z = r.substring(0, end).toUpperCase(Locale.ROOT);
        return switch (z) {
            case "UTC", "GMT", "Z" -> r.length() > end && (r.charAt(end) == '+' || r.charAt(end) == '-')
                    ? offset(r.substring(end).split("\\s")[0]) : ZoneOffset.UTC;
            case "IST" -> ZoneOffset.ofHoursMinutes(5, 30);
            case "EST", "CDT" -> ZoneOffset.ofHours(-5);
            case "EDT" -> ZoneOffset.ofHours(-4);
            case "CST", "MDT" -> ZoneOffset.ofHours(-6);
            case "MST", "PDT" -> ZoneOffset.ofHours(-7);
            case "PST" -> ZoneOffset.ofHours(-8);
            case "BST", "CET", "WAT" -> ZoneOffset.ofHours(1);
            case "CEST", "EET", "SAST" -> ZoneOffset.ofHours(2);
            case "MSK", "EEST" -> ZoneOffset.ofHours(3);
            case "PKT" -> ZoneOffset.ofHours(5);
            case "NPT" -> ZoneOffset.ofHoursMinutes(5, 45);
            case "ICT", "WIB" -> ZoneOffset.ofHours(7);
            case "SGT", "HKT", "AWST" -> ZoneOffset.ofHours(8);
            case "JST", "KST" -> ZoneOffset.ofHours(9);
            case "AEST" -> ZoneOffset.ofHours(10);
            case "AEDT" -> ZoneOffset.ofHours(11);
            case "BRT" -> ZoneOffset.ofHours(-3);
            default -> null;
        };
    }

    private static boolean plausible(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** Replaces digits of any script (Devanagari ०-९, Arabic-Indic, …) with ASCII digits. */
    static String asciiDigits(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 && Character.isDigit(c)) {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return b == null ? s : b.toString();
    }
}
