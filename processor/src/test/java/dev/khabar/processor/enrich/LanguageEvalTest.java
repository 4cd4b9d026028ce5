package dev.khabar.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The language detector on the labelled evaluation set: every item carries its language (hi,
 * hi-Latn for romanised Hindi, en, ru, vi). The items are short — a title and two to five
 * sentences — so this is harder than the full articles the issue asks for. Prints the accuracy
 * per language and every miss.
 */
class LanguageEvalTest {

    private static final Map<String, String> EXPECTED = Map.of("hi", "hi/Devanagari", "hi-Latn", "hi/Latin",
            "en", "en/Latin", "ru", "ru/Cyrillic", "vi", "vi/Latin");

    @Test
    void detectsTheLanguageOfAtLeast99PercentOfTheItems() throws IOException {
        LanguageDetector detector = LanguageDetector.defaults();
        Map<String, int[]> byLanguage = new TreeMap<>();
        int right = 0;
        int all = 0;
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = LanguageEvalTest.class.getResourceAsStream("/eval/classification.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String lang = n.path("lang").asText();
                LanguageDetector.Detection d = detector.detect(n.path("title").asText() + "\n" + n.path("text").asText(),
                        null);
                String got = d.language() + "/" + d.script();
                boolean ok = got.equals(EXPECTED.get(lang));
                int[] counts = byLanguage.computeIfAbsent(lang, k -> new int[2]);
                counts[0] += ok ? 1 : 0;
                counts[1]++;
                right += ok ? 1 : 0;
                all++;
                if (!ok) {
                    System.out.printf(Locale.ROOT, "language miss %s expected=%s got=%s  %s%n", n.path("id").asText(),
                            EXPECTED.get(lang), got, n.path("title").asText());
                }
            }
        }
        byLanguage.forEach((lang, c) -> System.out.printf(Locale.ROOT, "language %-8s %d / %d%n", lang, c[0], c[1]));
        System.out.printf(Locale.ROOT, "language accuracy %.4f (%d / %d)%n", (double) right / all, right, all);
        assertThat(all).isGreaterThanOrEqualTo(400);
        assertThat((double) right / all).isGreaterThanOrEqualTo(0.99);
    }
}
