package dev.khabar.ingest.extract;

/**
 * An image of an article.
 *
 * @param url     absolute URL of the image
 * @param caption the image's caption (figcaption or equivalent), or {@code null} when it has none
 */
public record ExtractedImage(String url, String caption) {
}
