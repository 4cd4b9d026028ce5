package dev.khabar.ingest.extract;

import java.util.Locale;

/**
 * A cheap language hint: declared codes normalised to ISO 639-1, else a guess from the script of
 * the text (Devanagari is Hindi unless Marathi or Nepali markers show) and, for Latin script, a
 * handful of stop words. The processor does full detection; this is only a hint.
 */
final class LanguageGuesser {
    private static final String[][] LATIN_STOPWORDS = {
        {"en", " the ", " and ", " of ", " to ", " is ", " that ", " with "},
        {"pt", " de ", " que ", " não ", " uma ", " para ", " com ", " os "},
        {"es", " de ", " que ", " los ", " las ", " el ", " por ", " una "},
        {"fr", " le ", " les ", " des ", " est ", " une ", " et ", " dans "},
        {"de", " der ", " die ", " und ", " das ", " ist ", " nicht ", " mit "},
        {"it", " il ", " che ", " di ", " della ", " per ", " non ", " gli "},
        {"id", " yang ", " dan ", " di ", " dengan ", " untuk ", " ini ", " dari "},
        {"nl", " de ", " het ", " een ", " van ", " en ", " niet ", " dat "},
    };

    private LanguageGuesser() {
    }

    /** "en-US", "hi_IN", "eng" → "en", "hi"; {@code null} if it is not a language code. */
    static String normalise(String declared) {
        if (declared == null) {
            return null;
        }
        String d = declared.strip().toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < d.length() && Character.isLetter(d.charAt(cut))) {
            cut++;
        }
        String code = d.substring(0, cut);
        if (code.length() == 2) {
            return code;
        }
        return switch (code) {
            case "eng", "english" -> "en";
            case "hin", "hindi" -> "hi";
            case "mar", "marathi" -> "mr";
            case "nep", "nepali" -> "ne";
            default -> null;
        };
    }

    /** True for languages whose script alone identifies them against a Latin-script declaration. */
    static boolean isNonLatin(String language) {
        return switch (language) {
            case "en", "pt", "es", "fr", "de", "it", "id", "nl" -> false;
            default -> true;
        };
    }

    /** Guesses from the text itself; {@code null} when there is too little text. */
    static String guess(String text) {
        return guess(text, true);
    }

    /** A language the script alone reveals (Devanagari, Cyrillic, Hangul, …), else {@code null}. */
    static String guessFromScript(String text) {
        return guess(text, false);
    }

    private static String guess(String text, boolean latinToo) {
        int n = Math.min(text.length(), 5000);
        int letters = 0;
        int latin = 0;
        int deva = 0;
        int[] other = new int[12];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            if (c < 0x0250) {
                latin++;
            } else if (c >= 0x0900 && c <= 0x097F) {
                deva++;
            } else {
                other[scriptSlot(c)]++;
            }
        }
        if (letters < 20) {
            return null;
        }
        if (deva * 2 > letters) {
            return devanagari(text.substring(0, n));
        }
        int bestSlot = 0;
        for (int i = 1; i < other.length; i++) {
            if (other[i] > other[bestSlot]) {
                bestSlot = i;
            }
        }
        if (other[bestSlot] * 2 > letters && bestSlot > 0) {
            return slotLanguage(bestSlot, text.substring(0, n));
        }
        return latinToo && latin * 2 > letters ? latinLanguage(text.substring(0, n)) : null;
    }

    private static String devanagari(String t) {
        int marathi = count(t, " आहे", " आणि ", "च्या ", " नाही", " झाले", " आहेत");
        int nepali = count(t, " छ।", " छन्", " गर्न", " भएको", " हुन्छ", " पनि ", " गरेको");
        int hindi = count(t, " है", " और ", " के ", " में ", " की ", " नहीं");
        if (marathi > hindi && marathi >= nepali) {
            return "mr";
        }
        if (nepali > hindi) {
            return "ne";
        }
        return "hi";
    }

    private static int scriptSlot(char c) {
        if (c >= 0x0400 && c <= 0x04FF) {
            return 1;
        } else if (c >= 0x0600 && c <= 0x06FF) {
            return 2;
        } else if (c >= 0xAC00 && c <= 0xD7AF) {
            return 3;
        } else if (c >= 0x3040 && c <= 0x30FF) {
            return 4;
        } else if (c >= 0x4E00 && c <= 0x9FFF) {
            return 5;
        } else if (c >= 0x0E00 && c <= 0x0E7F) {
            return 6;
        } else if (c >= 0x0980 && c <= 0x09FF) {
            return 7;
        } else if (c >= 0x0B80 && c <= 0x0BFF) {
            return 8;
        } else if (c >= 0x0370 && c <= 0x03FF) {
            return 9;
        } else if (c >= 0x0590 && c <= 0x05FF) {
            return 10;
        } else if (c >= 0x0A80 && c <= 0x0AFF) {
            return 11;
        }
        return 0;
    }

    private static String slotLanguage(int slot, String t) {
        return switch (slot) {
            case 1 -> count(t, "і", "ї", "є") > 5 ? "uk" : "ru";
            case 2 -> count(t, "ے", "ٹ", "ڈ", "ں") > 5 ? "ur" : count(t, "گ", "پ", "چ", "ژ") > 10 ? "fa" : "ar";
            case 3 -> "ko";
            case 4 -> "ja";
            case 5 -> t.chars().anyMatch(c -> c >= 0x3040 && c <= 0x30FF) ? "ja" : "zh";
            case 6 -> "th";
            case 7 -> "bn";
            case 8 -> "ta";
            case 9 -> "el";
            case 10 -> "he";
            case 11 -> "gu";
            default -> null;
        };
    }

    private static String latinLanguage(String t) {
        String l = " " + t.toLowerCase(Locale.ROOT).replace('\n', ' ') + " ";
        String best = null;
        int bestCount = 0;
        for (String[] lang : LATIN_STOPWORDS) {
            int c = 0;
            for (int i = 1; i < lang.length; i++) {
                c += count(l, lang[i]);
            }
            if (c > bestCount) {
                best = lang[0];
                bestCount = c;
            }
        }
        return bestCount >= 3 ? best : null;
    }

    private static int count(String text, String... needles) {
        int c = 0;
        for (String n : needles) {
            for (int i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length())) {
                c++;
            }
        }
        return c;
    }
}
