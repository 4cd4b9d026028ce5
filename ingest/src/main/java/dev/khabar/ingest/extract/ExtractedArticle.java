package dev.khabar.ingest.extract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What {@link ArticleExtractor} found in one page. Lists and maps are never {@code null}.
 *
 * @param url           the page URL as given
 * @param canonicalUrl  rel=canonical / og:url resolved absolute, else {@code url}
 * @param title         article title without the site-name suffix; "" if none
 * @param authors       author names, most reliable source only
 * @param published     publication time, {@code null} when unknown
 * @param modified      last modification time, {@code null} when unknown
 * @param language      ISO 639-1 code, {@code null} when unknown
 * @param text          article body: paragraphs, headings, list items and quotes in order, one per line
 * @param html          outer HTML of the chosen article region, {@code null} when none
 * @param tags          tags and categories
 * @param images        absolute image URLs with captions, lead image first
 * @param links         absolute http(s) outlinks found in the body text
 * @param readMoreLinks in-article "read more" links, kept out of {@code text}
 * @param siteName      the site's name, {@code null} when unknown
 * @param sources       where each field came from, e.g. {@code "published" -> "json-ld"}
 */
public record ExtractedArticle(
        String url,
        String canonicalUrl,
        String title,
        List<String> authors,
        OffsetDateTime published,
        OffsetDateTime modified,
        String language,
        String text,
        String html,
        List<String> tags,
        List<ExtractedImage> images,
        List<String> links,
        List<String> readMoreLinks,
        String siteName,
        Map<String, String> sources) {

    public ExtractedArticle {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        images = images == null ? List.of() : List.copyOf(images);
        links = links == null ? List.of() : List.copyOf(links);
        readMoreLinks = readMoreLinks == null ? List.of() : List.copyOf(readMoreLinks);
        sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    }

    /** True when a body text was found. */
    public boolean hasBody() {
        return !text.isBlank();
    }
}
