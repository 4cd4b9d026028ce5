/**
 * Article extraction: from a parsed page to an {@link dev.khabar.ingest.extract.ExtractedArticle}
 * (title, authors, dates, language hint, body text, tags, images, links). Plain Jsoup code, no
 * Kafka, no I/O; {@link dev.khabar.ingest.extract.ArticleExtractor} never throws for a page.
 *
 * <p>How the body is found, generically (no per-site rules):
 * <ol>
 * <li>{@code PageScan} walks the document once. Bottom-up it counts, per element, characters in
 * paragraph-like text chunks ("good"), in link lists and labels ("bad") and in short lines
 * ("neutral"), plus a score in which each level further down counts 0.9 times less. Subtrees whose
 * class/id/role name navigation, sidebars, comments, share widgets, ads, related posts, captions
 * and the like are pruned, unless they hold the article (a pruned wrapper with more paragraph text
 * than the rest of the page is taken back). The same pass indexes what metadata needs.</li>
 * <li>{@code ContentLocator} takes the best-scoring element, then climbs to an ancestor that scores
 * nearly as well with clearly more text (articles split by figures and ads).</li>
 * <li>{@code BodyTextBuilder} cuts that element into lines (paragraphs, headings, list items,
 * quotes, {@code <br>} lines), {@code BodyCleaner} drops widget lines, link lists and "read more"
 * lines (kept apart), and {@code EdgeTrimmer} removes bylines, dates and newsletter or contributor
 * lines clinging to both ends.</li>
 * <li>When the page has no body text but JSON-LD {@code articleBody}, that is used.</li>
 * </ol>
 * Metadata comes from JSON-LD, meta tags, microdata and visible text, most reliable first, and
 * {@link dev.khabar.ingest.extract.ExtractedArticle#sources()} says which source each field used.
 */
package dev.khabar.ingest.extract;
