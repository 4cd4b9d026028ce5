package dev.khabar.ingest.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes the short lines that cling to the start and end of an article region: dates, reading
 * times, bylines, the repeated headline and photo credits before the text; contributor lines,
 * newsletter and follow-us prompts, contact addresses and copyright after it.
 */
final class EdgeTrimmer {
    private static final int MAX_TRIMMED = 4;
    private static final int SHORT = 200;
    private static final int TRAILING_SHORT = 300;

    private static final String[] LEADING = {
        "min read", "minute read", "minutes read", "reading time", "read time", "tempo de leitura",
        "tiempo de lectura", "temps de lecture", "lesezeit", "мин чтения", "минут чтения", "मिनट में पढ़ें",
        "मिनट पढ़ने", "photo:", "(photo", "(ap photo", "image copyright", "image caption", "getty images", "©",
        "foto:", "फोटो:", "फ़ोटो:", "तस्वीर:", "last updated", "updated:", "published:", "अपडेट:", "प्रकाशित:"
    };

    /** Byline starts; only a short line without a full stop counts ("By the end of 2020, …" does not). */
    private static final String[] BYLINE = {
        "by ", "posted by", "written by", "द्वारा", "प्रस्तुतकर्ता", "लेखक:", "रिपोर्ट:", "por ", "von "
    };
    private static final int BYLINE_MAX = 80;

    private static final String[] TRAILING = {
        "contributed to this report", "contributed reporting", "reporting by", "editing by", "writing by",
        "additional reporting", "newsletter", "click here", "if you enjoyed",
        "share it with", "share this", "tell us what you think", "copyright", "©", "all rights reserved",
        "source:", "न्यूज़लेटर", "सब्सक्राइब", "फॉलो करें", "हमें फॉलो", "assine", "siga-nos", "inscreva-se",
        "first published", "published on", "updated on", "last updated", "(reporting", "(editing"
    };

    private EdgeTrimmer() {
    }

    /** Trims {@code lines} in place. */
    static void trim(List<String> lines, String title) {
        Set<String> titleWords = words(title);
        for (int i = 0; i < MAX_TRIMMED && !lines.isEmpty() && isLeadingNoise(lines.get(0), titleWords); i++) {
            lines.remove(0);
        }
        for (int i = 0; i < MAX_TRIMMED && !lines.isEmpty() && isTrailingNoise(lines.get(lines.size() - 1)); i++) {
            lines.remove(lines.size() - 1);
        }
    }

    static boolean isLeadingNoise(String line, Set<String> titleWords) {
        if (line.length() > SHORT) {
            return false;
        }
        String l = line.toLowerCase(Locale.ROOT);
        if (startsOrContains(l, LEADING) || isDateLine(line) || isByline(l)) {
            return true;
        }
        Set<String> w = words(line);
        if (titleWords.size() >= 3 && !w.isEmpty()) {
            int common = 0;
            for (String x : w) {
                if (titleWords.contains(x)) {
                    common++;
                }
            }
            return common * 10 >= 8 * Math.max(w.size(), titleWords.size());
        }
        return false;
    }

    static boolean isTrailingNoise(String line) {
        if (line.length() > TRAILING_SHORT) {
            return false;
        }
        String l = line.toLowerCase(Locale.ROOT);
        return startsOrContains(l, TRAILING) || isDateLine(line) || hasAddress(l) || isSignupPrompt(l)
                || l.contains("follow") && (l.contains("twitter") || l.contains("facebook") || l.contains("instagram"));
    }

    /** "Sign up for our free daily briefing", "Subscribe now" — not "readers who subscribe pay $5". */
    private static boolean isSignupPrompt(String l) {
        if (!l.contains("subscribe") && !l.contains("sign up")) {
            return false;
        }
        return l.contains(" our ") || l.contains("free") || l.contains("inbox") || l.contains(" now")
                || l.contains("today") || l.contains("here") || l.startsWith("subscribe") || l.startsWith("sign up");
    }

    private static boolean isByline(String l) {
        if (l.length() > BYLINE_MAX || l.endsWith(".") || l.endsWith("।")) {
            return false;
        }
        for (String b : BYLINE) {
            if (l.startsWith(b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsOrContains(String l, String[] needles) {
        for (String n : needles) {
            if (n.endsWith(" ") || n.endsWith(":") ? l.startsWith(n) : l.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** A short line that is mostly a date: "November 20, 2019 - 11:28 AMT", "१९ जून २०२४". */
    static boolean isDateLine(String line) {
        if (line.length() > 60 || DateParser.parse(line) == null) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            if (Character.isLetter(line.charAt(i))) {
                letters++;
            }
        }
        return letters <= 30;
    }

    private static boolean hasAddress(String l) {
        if (l.contains("http://") || l.contains("https://") || l.contains("www.")) {
            return true;
        }
        int at = l.indexOf('@');
        return at > 0 && l.indexOf('.', at) > at + 1 && Character.isLetterOrDigit(l.charAt(at - 1));
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        if (s == null) {
            return out;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (TextRules.isWordChar(c)) {
                b.append(Character.toLowerCase(c));
            } else if (b.length() > 0) {
                out.add(b.toString());
                b.setLength(0);
            }
        }
        return out;
    }
}
