package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Month names in English, Hindi and the other languages news pages print dates in, and a
 * tokenizer that finds "day month year" or "month day, year" in free text.
 */
final class MonthNames {
    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        add(1, "january", "jan", "जनवरी", "janeiro", "enero", "janvier", "januar", "gennaio", "januari",
                "января", "январь", "stycznia", "ocak");
        add(2, "february", "feb", "फरवरी", "fevereiro", "febrero", "février", "fevrier", "februar", "febbraio",
                "februari", "февраля", "февраль", "lutego", "şubat");
        add(3, "march", "mar", "मार्च", "março", "marco", "marzo", "mars", "märz", "maret", "maart", "марта",
                "март", "marca", "mart");
        add(4, "april", "apr", "अप्रैल", "अप्रेल", "abril", "avril", "aprile", "апреля", "апрель", "kwietnia", "nisan");
        add(5, "may", "मई", "maio", "mayo", "mai", "maggio", "mei", "мая", "май", "maja", "mayıs");
        add(6, "june", "jun", "जून", "junho", "junio", "juin", "juni", "giugno", "июня", "июнь", "czerwca", "haziran");
        add(7, "july", "jul", "जुलाई", "julho", "julio", "juillet", "juli", "luglio", "июля", "июль", "lipca", "temmuz");
        add(8, "august", "aug", "अगस्त", "agosto", "août", "aout", "agustus", "augustus", "августа", "август",
                "sierpnia", "ağustos");
        add(9, "september", "sep", "sept", "सितंबर", "सितम्बर", "setembro", "septiembre", "septembre",
                "settembre", "сентября", "сентябрь", "września", "eylül");
        add(10, "october", "oct", "अक्टूबर", "अक्तूबर", "outubro", "octubre", "octobre", "oktober", "ottobre",
                "октября", "октябрь", "października", "ekim");
        add(11, "november", "nov", "नवंबर", "नवम्बर", "novembro", "noviembre", "novembre", "ноября", "ноябрь",
                "listopada", "kasım");
        add(12, "december", "dec", "दिसंबर", "दिसम्बर", "dezembro", "diciembre", "décembre", "decembre",
                "dezember", "dicembre", "desember", "декабря", "декабрь", "grudnia", "aralık");
    }

    private MonthNames() {
    }

    private static void add(int month, String... names) {
        for (String n : names) {
            MONTHS.put(n, month);
        }
    }

    static Integer month(String token) {
        String t = token.toLowerCase(Locale.ROOT).replace("\u093c", "");
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return MONTHS.get(t);
    }

    /** {year, month, day} of the first textual date in {@code s}, or {@code null}. */
    static int[] findDate(String s) {
        List<String> tokens = tokens(s);
        for (int i = 0; i < tokens.size(); i++) {
            Integer month = month(tokens.get(i));
            if (month == null) {
                continue;
            }
            int day = -1;
            int year = -1;
            // "20 June 2024", "20. Juni 2024", "20 de junho de 2024"
            int before = number(tokens, i - 1);
            if (before < 0 && i >= 2 && isFiller(tokens.get(i - 1))) {
                before = number(tokens, i - 2);
            }
            if (before >= 1 && before <= 31) {
                day = before;
                year = yearAfter(tokens, i);
            } else {
                // "June 20, 2024", "जून 21, 2024"
                int after = number(tokens, i + 1);
                if (after >= 1 && after <= 31) {
                    day = after;
                    year = yearAfter(tokens, i + 1);
                }
            }
            if (day > 0 && year > 0) {
                return new int[] {year, month, day};
            }
        }
        return null;
    }

    private static int yearAfter(List<String> tokens, int i) {
        for (int j = i + 1; j <= i + 3 && j < tokens.size(); j++) {
            int n = number(tokens, j);
            if (n >= 1000) {
                return n;
            }
            if (n >= 0 || !isFiller(tokens.get(j))) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isFiller(String t) {
        return t.equals("de") || t.equals("of") || t.equals("del") || t.equals("th") || t.equals("st")
                || t.equals("nd") || t.equals("rd") || t.equals("का") || t.equals("г");
    }

    private static int number(List<String> tokens, int i) {
        if (i < 0 || i >= tokens.size()) {
            return -1;
        }
        String t = tokens.get(i);
        if (t.isEmpty() || t.length() > 4 || !Character.isDigit(t.charAt(0))) {
            return -1;
        }
        return Integer.parseInt(t);
    }

    /** Runs of digits and runs of letters (with combining marks, so Devanagari words stay whole). */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int j = i;
                while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (TextRules.isWordChar(c)) {
                int j = i;
                while (j < n && TextRules.isWordChar(s.charAt(j)) && !Character.isDigit(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j).toLowerCase(Locale.ROOT));
                i = j;
            } else {
                i++;
            }
            if (out.size() > 80) {
                break;
            }
        }
        return out;
    }
}
