package dev.khabar.processor.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * Hindi in Devanagari to plain ASCII the way Hindi news writes it in Latin letters
 * ("रक्षा समझौता" → "raksha samjhauta", "पुतिन की वियतनाम यात्रा" → "putin ki vietnam yatra"
 * would need a dictionary; this gives "putin ki viyatnam yatra").
 *
 * <p>Each consonant cluster with its vowel sign is one syllable. The inherent vowel "a" is
 * dropped at the end of a word (kept after य, र, व clusters: "मित्र" → "mitra") and, right to
 * left, inside a word between a vowel and a single consonant with its own vowel ("कमला" → "kamla"),
 * the usual rule of Hindi schwa deletion. Long and short vowels are both written plainly
 * (आ → a, ई → i, ऊ → u). Characters outside Devanagari pass through.
 */
final class DevanagariRomanizer {

    private static final String[] CONSONANTS = {
        "k", "kh", "g", "gh", "n", "ch", "chh", "j", "jh", "n", // क..ञ
        "t", "th", "d", "dh", "n", "t", "th", "d", "dh", "n", // ट..न
        "n", "p", "ph", "b", "bh", "m", "y", "r", "r", "l", "l", "l", "v", // ऩ..व
        "sh", "sh", "s", "h", // श..ह
    };
    private static final String[] NUKTA_FORMS = {"q", "kh", "gh", "z", "r", "rh", "f", "y"}; // क़..य़
    private static final String[] VOWELS = {
        "a", "a", "a", "i", "i", "u", "u", "ri", "li", "e", "e", "e", "ai", "o", "o", "o", "au", // ऄ..औ
    };
    private static final String[] SIGNS = {
        "a", "i", "i", "u", "u", "ri", "ri", "e", "e", "e", "ai", "o", "o", "o", "au", // ा..ौ
    };

    /** One syllable: a consonant cluster (or none) and its vowel ({@code null}: inherent a). */
    private static final class Syllable {
        final StringBuilder consonants = new StringBuilder();
        String vowel;
        boolean cluster;
        boolean halant;
        String nasal = "";
        char firstConsonant;
    }

    String romanize(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        List<Syllable> word = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isConsonant(c)) {
                Syllable s = new Syllable();
                s.firstConsonant = c;
                i = readCluster(text, i, s);
                word.add(s);
            } else if (c >= '\u0904' && c <= '\u0914') {
                Syllable s = new Syllable();
                s.vowel = VOWELS[c - '\u0904'];
                i = readNasal(text, i + 1, s);
                word.add(s);
            } else if (c == '\u0902' || c == '\u0901') {
                if (!word.isEmpty()) {
                    word.get(word.size() - 1).nasal = "n";
                }
                i++;
            } else {
                flush(word, out);
                if (c == '\u0964' || c == '\u0965') {
                    out.append('.');
                } else if (c >= '\u0966' && c <= '\u096F') {
                    out.append((char) ('0' + c - '\u0966'));
                } else if (c == '\u0903') {
                    out.append('h');
                } else if (c == '\u0950') {
                    out.append("om");
                } else if (!(c >= '\u0900' && c <= '\u097F') && c != '\u200C' && c != '\u200D') {
                    out.append(c);
                }
                i++;
            }
        }
        flush(word, out);
        return out.toString();
    }

    private static int readCluster(String text, int i, Syllable s) {
        int n = text.length();
        while (i < n && isConsonant(text.charAt(i))) {
            char c = text.charAt(i++);
            boolean nukta = i < n && text.charAt(i) == '\u093C';
            if (nukta) {
                i++;
            }
            s.consonants.append(consonant(c, nukta));
            if (i < n && text.charAt(i) == '\u094D') {
                i++;
                if (i < n && (text.charAt(i) == '\u200C' || text.charAt(i) == '\u200D')) {
                    i++;
                }
                if (i < n && isConsonant(text.charAt(i))) {
                    s.cluster = true;
                    continue;
                }
                s.halant = true;
                s.vowel = "";
                return i;
            }
            break;
        }
        if (i < n && text.charAt(i) >= '\u093E' && text.charAt(i) <= '\u094C') {
            s.vowel = SIGNS[text.charAt(i) - '\u093E'];
            i++;
        }
        return readNasal(text, i, s);
    }

    private static int readNasal(String text, int i, Syllable s) {
        if (i < text.length() && (text.charAt(i) == '\u0902' || text.charAt(i) == '\u0901')) {
            s.nasal = "n";
            return i + 1;
        }
        return i;
    }

    /** Writes a word, deleting schwas: finally, then right to left between V C _ C V. */
    private static void flush(List<Syllable> word, StringBuilder out) {
        if (word.isEmpty()) {
            return;
        }
        int last = word.size() - 1;
        boolean[] deleted = new boolean[word.size()];
        Syllable end = word.get(last);
        if (last > 0 && end.vowel == null && end.nasal.isEmpty() && !(end.cluster && endsInSemivowel(end))) {
            deleted[last] = true;
        }
        for (int k = last - 1; k >= 1; k--) {
            Syllable s = word.get(k);
            Syllable next = word.get(k + 1);
            boolean nextHasVowel = !deleted[k + 1] && !next.halant && !next.cluster && !next.consonants.isEmpty();
            boolean previousHasVowel = !deleted[k - 1] && !word.get(k - 1).halant;
            if (s.vowel == null && s.nasal.isEmpty() && !s.cluster && nextHasVowel && previousHasVowel
                    && !deleted[k + 1]) {
                deleted[k] = true;
                k--; // never two deletions in a row
            }
        }
        for (int k = 0; k <= last; k++) {
            Syllable s = word.get(k);
            out.append(s.consonants);
            out.append(s.vowel != null ? s.vowel : deleted[k] ? "" : "a");
            if (!s.nasal.isEmpty()) {
                char next = k < last ? word.get(k + 1).firstConsonant : 0;
                out.append(next == 'प' || next == 'फ' || next == 'ब' || next == 'भ' || next == 'म' ? "m" : "n");
            }
        }
        word.clear();
    }

    private static boolean endsInSemivowel(Syllable s) {
        int len = s.consonants.length();
        char lastLetter = len == 0 ? 0 : s.consonants.charAt(len - 1);
        return lastLetter == 'y' || lastLetter == 'r' || lastLetter == 'v';
    }

    private static boolean isConsonant(char c) {
        return (c >= '\u0915' && c <= '\u0939') || (c >= '\u0958' && c <= '\u095F');
    }

    private static String consonant(char c, boolean nukta) {
        if (c >= '\u0958' && c <= '\u095F') {
            return NUKTA_FORMS[c - '\u0958'];
        }
        if (nukta) {
            int k = "कखगजडढफय".indexOf(c);
            if (k >= 0) {
                return NUKTA_FORMS[k];
            }
        }
        return CONSONANTS[c - '\u0915'];
    }
}
