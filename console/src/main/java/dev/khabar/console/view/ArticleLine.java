package dev.khabar.console.view;

import dev.khabar.schemas.EnrichedArticle;
import java.util.Locale;

/** One human line per enriched article: language, labels, title. */
public final class ArticleLine {

    private ArticleLine() {
    }

    public static String of(EnrichedArticle a) {
        String labels = a.getLabels().isEmpty() ? "—" : String.join(", ", a.getLabels());
        String title = a.getTitle().length() > 90 ? a.getTitle().substring(0, 89) + "…" : a.getTitle();
        return String.format(Locale.ROOT, "%-3s %-32s %s", a.getLanguage(), "[" + labels + "]", title);
    }
}
