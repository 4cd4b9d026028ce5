package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Tests a string for any of a fixed set of lower-case substrings in one scan, indexing the
 * needles by their first two characters (class and id names are checked for every element).
 */
final class SubstringSet {
    private static final int ASCII = 128;

    private final String[][] byPrefix = new String[ASCII * ASCII][];
    private final String[] other;

    SubstringSet(String... needles) {
        List<List<String>> table = new ArrayList<>(ASCII * ASCII);
        for (int i = 0; i < ASCII * ASCII; i++) {
            table.add(null);
        }
        List<String> rest = new ArrayList<>();
        for (String n : needles) {
            if (n.length() >= 2 && n.charAt(0) < ASCII && n.charAt(1) < ASCII) {
                int key = n.charAt(0) * ASCII + n.charAt(1);
                if (table.get(key) == null) {
                    table.set(key, new ArrayList<>());
                }
                table.get(key).add(n);
            } else {
                rest.add(n);
            }
        }
        for (int i = 0; i < ASCII * ASCII; i++) {
            byPrefix[i] = table.get(i) == null ? null : table.get(i).toArray(String[]::new);
        }
        other = rest.toArray(String[]::new);
    }

    /** The first needle found in {@code s}, or {@code null}. */
    String find(String s) {
        for (String needle : other) {
            if (s.contains(needle)) {
                return needle;
            }
        }
        for (int i = 0, n = s.length() - 1; i < n; i++) {
            char c0 = s.charAt(i);
            char c1 = s.charAt(i + 1);
            if (c0 >= ASCII || c1 >= ASCII) {
                continue;
            }
            String[] candidates = byPrefix[c0 * ASCII + c1];
            if (candidates == null) {
                continue;
            }
            for (String needle : candidates) {
                if (s.startsWith(needle, i)) {
                    return needle;
                }
            }
        }
        return null;
    }

    boolean containsAny(String s) {
        return find(s) != null;
    }
}
