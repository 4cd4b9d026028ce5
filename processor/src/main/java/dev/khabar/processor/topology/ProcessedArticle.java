package dev.khabar.processor.topology;

import dev.khabar.schemas.DeadLetter;
import dev.khabar.schemas.EnrichedArticle;

/** What one input record became: an article or a dead letter (exactly one is non-null). */
record ProcessedArticle(EnrichedArticle article, DeadLetter deadLetter) {

    static ProcessedArticle ok(EnrichedArticle a) {
        return new ProcessedArticle(a, null);
    }

    static ProcessedArticle failed(DeadLetter d) {
        return new ProcessedArticle(null, d);
    }

    boolean isFailure() {
        return deadLetter != null;
    }
}
