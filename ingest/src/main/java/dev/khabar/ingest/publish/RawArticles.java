package dev.khabar.ingest.publish;

import dev.khabar.ingest.extract.ArticleExtractor;
import dev.khabar.ingest.extract.ExtractedArticle;
import dev.khabar.ingest.extract.ExtractedImage;
import dev.khabar.schemas.ArticleIds;
import dev.khabar.schemas.Image;
import dev.khabar.schemas.RawArticle;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Maps an extraction to the Avro contract. */
public final class RawArticles {

    private RawArticles() {
    }

    /**
     * @param canonicalUrl the canonical URL ingest settled on (the article id derives from it)
     * @param contentHash  hash of title and text, see {@link #contentHash(ExtractedArticle)}
     * @param version      1 for a new article, then one more for every change
     */
    public static RawArticle from(ExtractedArticle a, String sourceId, String canonicalUrl, int httpStatus,
                                  Instant fetchedAt, String contentHash, int version) {
        List<Image> images = a.images().stream()
                .map((ExtractedImage i) -> new Image(i.url(), i.caption()))
                .toList();
        return RawArticle.newBuilder()
                .setId(ArticleIds.of(canonicalUrl))
                .setUrl(a.url())
                .setCanonicalUrl(canonicalUrl)
                .setSourceId(sourceId)
                .setFetchedAt(fetchedAt)
                .setHttpStatus(httpStatus)
                .setTitle(a.title() == null ? "" : a.title())
                .setAuthors(List.copyOf(a.authors()))
                .setPublished(instant(a.published()))
                .setModified(instant(a.modified()))
                .setLanguageHint(a.language())
                .setText(a.text())
                .setHtml(a.html())
                .setTags(List.copyOf(a.tags()))
                .setImages(images)
                .setLinks(List.copyOf(a.links()))
                .setReadMoreLinks(List.copyOf(a.readMoreLinks()))
                .setSiteName(a.siteName())
                .setExtractorVersion(ArticleExtractor.VERSION)
                .setContentHash(contentHash)
                .setVersion(version)
                .build();
    }

    public static String contentHash(ExtractedArticle a) {
        return ArticleIds.contentHash(a.title() + "\n" + a.text());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
