package dev.khabar.ingest.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Line-level boilerplate: comment-form prompts, share and like widgets, translate links, ad
 * labels, cookie and newsletter banners, and in-article "read more" prompts, in English, Hindi
 * and a few other languages.
 */
final class TextRules {
    private static final int SHORT_LINE = 160;

    private static final Set<String> EXACT = Set.of(
            "advertisement", "advertisements", "ad", "ads", "sponsored", "comments", "comment",
            "share", "tweet", "email", "print", "facebook", "twitter", "whatsapp", "linkedin",
            "pinterest", "telegram", "reddit", "more", "related", "loading", "like", "reply",
            "विज्ञापन", "टिप्पणियाँ", "टिप्पणी", "शेयर करें", "शेयर", "translate", "translate »",
            "share this", "share this article", "share this story", "like this", "related posts",
            "related articles", "related stories", "you may also like", "you might also like",
            "read next", "recommended", "trending", "popular posts", "recent posts", "archives",
            "categories", "tags", "search", "menu", "skip to content", "back to top", "top",
            "publicidade", "anúncio", "реклама", "pubblicità", "anzeige", "werbung", "iklan", "광고",
            "広告", "संबंधित पोस्ट", "संबंधित खबरें", "यह भी पढ़ें", "ये भी पढ़ें");

    private static final List<String> PREFIXES = List.of(
            "leave a reply", "leave a comment", "post a comment", "कोई जवाब दें", "एक टिप्पणी छोड़ें",
            "एक उत्तर दें", "जवाब दें", "टिप्पणी करें", "आपका ईमेल पता प्रकाशित नहीं किया जाएगा",
            "आपका ईमेल पता प्रकाशित नहीं", "your email address will not be published",
            "required fields are marked", "आवश्यक फ़ील्ड चिह्नित हैं", "translate »", "share this:",
            "like this:", "like loading", "इसे शेयर करें", "इसे साझा करें", "शेयर करें:", "advertisement",
            "click to share", "click to email", "click to print", "opens in new window",
            "we use cookies", "this website uses cookies", "this site uses cookies", "by using this site",
            "subscribe to our newsletter", "sign up for our newsletter", "sign up for the",
            "posted in ", "filed under", "tags:", "tagged:", "tagged with", "categories:", "category:",
            "share on facebook", "share on twitter", "follow us on", "all rights reserved",
            "copyright ©", "© copyright", "image credit", "photo credit", "image source:",
            "story continues below", "continue reading below", "article continues below",
            "skip to content", "skip to main content", "you must be logged in", "logged in as",
            "save my name, email", "notify me of", "टैग:", "श्रेणी:", "श्रेणियाँ:", "वर्गीकृत:");

    private static final List<String> CONTAINS = List.of(
            "bloggers like this", "ब्लॉगर को यह पसंद", "ब्लॉगर्स को यह पसंद", "people like this",
            "be the first to like this", "पसंद करने वाले पहले व्यक्ति बनें");

    private static final List<String> READ_MORE = List.of(
            "आगे पढ़िए", "आगे पढ़ें", "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "यह भी पढ़िए", "ये भी पढ़िए",
            "और पढ़ें", "और पढ़िए", "पढ़ें:", "पढ़िए:", "संबंधित खबर", "read more", "read also",
            "also read", "see also", "related:", "recommended:", "more:", "read next", "must read",
            "don't miss", "leia também", "leia mais", "lea también", "lee también", "lire aussi",
            "à lire aussi", "leggi anche", "lesen sie auch", "mehr zum thema", "baca juga", "читайте также",
            "читайте также:", "también te puede interesar");

    private TextRules() {
    }

    /** True if the line is a widget, form prompt, label or banner rather than article text. */
    static boolean isBoilerplateLine(String line) {
        if (line.length() > SHORT_LINE * 2) {
            return false;
        }
        String l = normalise(line);
        if (l.isEmpty() || EXACT.contains(l)) {
            return true;
        }
        if (line.length() > SHORT_LINE) {
            return false;
        }
        for (String p : PREFIXES) {
            if (l.startsWith(p)) {
                return true;
            }
        }
        for (String c : CONTAINS) {
            if (l.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** True if the line starts with a "read more" prompt (आगे पढ़िए:, Read more, Also read …). */
    static boolean isReadMorePrompt(String line) {
        if (line.length() > SHORT_LINE * 2) {
            return false;
        }
        String l = line.strip().toLowerCase(Locale.ROOT);
        while (!l.isEmpty() && !Character.isLetterOrDigit(l.charAt(0))) {
            l = l.substring(1);
        }
        for (String p : READ_MORE) {
            if (l.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Decodes entities left in doubly-encoded metadata ("&amp;#8216;" arrives as "&#8216;"). */
    static String unescape(String s) {
        if (s == null || s.indexOf('&') < 0 || s.indexOf(';') < 0) {
            return s;
        }
        return org.jsoup.parser.Parser.unescapeEntities(s, false);
    }

    /** Letters, digits and combining marks (so Devanagari vowel signs count as part of a word). */
    static boolean isWordChar(char c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    /** Lower-cased with surrounding punctuation and spaces removed. */
    static String normalise(String line) {
        String l = line.strip().toLowerCase(Locale.ROOT);
        int start = 0;
        int end = l.length();
        while (start < end && isTrim(l.charAt(start))) {
            start++;
        }
        while (end > start && isTrim(l.charAt(end - 1)) && l.charAt(end - 1) != '»') {
            end--;
        }
        return l.substring(start, end);
    }

    private static boolean isTrim(char c) {
        return Character.isWhitespace(c) || c == ':' || c == '|' || c == '-' || c == '–' || c == '—'
                || c == '•' || c == '·' || c == '.' || c == '…' || c == '\u00a0';
    }
}
