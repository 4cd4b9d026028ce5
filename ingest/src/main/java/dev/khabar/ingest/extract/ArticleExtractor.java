package dev.khabar.ingest.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts an article (title, authors, dates, language, body text, tags, images, links) from a
 * parsed page. Pure and thread-safe: no I/O, no shared mutable state; never throws for a page.
 *
 * <p>The body is found generically: one bottom-up pass counts paragraph text, link text and short
 * lines per element, prunes boilerplate subtrees (navigation, sidebars, comments, share widgets),
 * and the element with the densest paragraph text wins; its lines are then cleaned of widget
 * prompts and "read more" lines. Pages whose body lives only in JSON-LD {@code articleBody} fall
 * back to it.
 */
public final class ArticleExtractor {
    /** Bump when extraction behaviour changes. */
    public static final String VERSION = "khabar-extract/0.2";

    private static final Logger LOG = LoggerFactory.getLogger(ArticleExtractor.class);
    private static final int MIN_BODY_CHARS = 250;

    /** An extractor with the default rules. */
    public ArticleExtractor() {
    }

    /** Parses {@code html} with Jsoup, then extracts. */
    public ExtractedArticle extract(String html, URI pageUrl) {
        String base = pageUrl == null ? "" : pageUrl.toString();
        Document doc;
        try {
            doc = Jsoup.parse(html == null ? "" : html, base);
        } catch (RuntimeException e) {
            LOG.debug("cannot parse {}", base, e);
            return empty(base, e);
        }
        return extract(doc, pageUrl);
    }

    /** Extracts the article from a parsed page; never throws. The document is not modified. */
    public ExtractedArticle extract(Document doc, URI pageUrl) {
        URI effective = pageUrl;
        if (effective == null && doc != null && !doc.location().isEmpty()) {
            try {
                effective = URI.create(doc.location());
            } catch (IllegalArgumentException e) {
                effective = null;
            }
        }
        String url = pageUrl == null ? (effective == null ? "" : effective.toString()) : pageUrl.toString();
        if (doc == null) {
            return empty(url, null);
        }
        try {
            return run(doc, effective, url);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("extraction failed for {}", url, e);
            return empty(url, e);
        }
    }

    private ExtractedArticle run(Document doc, URI pageUrl, String url) {
        Map<String, String> sources = new LinkedHashMap<>();
        PageScan scan = PageScan.scan(doc);
        PageIndex idx = scan.index;
        JsonLdArticle ld = JsonLdArticle.from(idx.jsonLd);
        UrlResolver urls = new UrlResolver(pageUrl);
        String siteName = MetadataFinder.siteName(idx, ld, sources);
        String canonical = MetadataFinder.canonical(idx, ld, urls, url, sources);
        String host = host(canonical, pageUrl);
        Element region = ContentLocator.locate(scan);
        if (region != null) {
            scan.setContentRegion(region);
        }
        String title = TitleFinder.find(scan, ld, siteName, host, sources);
        if (siteName == null) {
            siteName = TitleFinder.siteNameFromPageTitle(idx.titleText, title);
            if (siteName != null) {
                sources.put("siteName", "title");
            }
        }

        String text = "";
        String html = null;
        List<String> links = List.of();
        List<String> readMore = List.of();
        List<ExtractedImage> bodyImages = List.of();
        if (region != null) {
            BodyTextBuilder body = BodyTextBuilder.walk(region, scan, urls);
            BodyCleaner cleaned = BodyCleaner.clean(body.chunks(), title, body.readMoreBoxLinks());
            text = cleaned.text();
            links = cleaned.links();
            readMore = cleaned.readMoreLinks();
            bodyImages = body.images();
            html = compactHtml(doc, region);
            sources.put("text", "dom:" + describe(region));
        }
        String ldBody = ld.articleBody();
        if (ldBody != null && text.length() < MIN_BODY_CHARS && ldBody.length() > text.length()) {
            text = JsonLdBody.toText(ldBody);
            html = null;
            sources.put("text", "json-ld");
        }

        List<String> authors = AuthorFinder.find(scan, ld, sources);
        DateResolver dates = DateResolver.resolve(scan, ld, url, sources);
        List<String> tags = MetadataFinder.tags(scan, ld, sources);
        String language = language(idx, ld, text.isEmpty() ? title : text, sources);
        List<ExtractedImage> images = images(idx, ld, urls, bodyImages, sources);
        return new ExtractedArticle(url, canonical, title, authors, dates.published(), dates.modified(),
                language, text, html, tags, images, links, readMore, siteName, sources);
    }

    /**
     * The declared language unless the text is plainly in another script (Hindi blogs often keep
     * WordPress's default {@code lang="en-US"}); else a guess from the text.
     */
    private static String language(PageIndex idx, JsonLdArticle ld, String text, Map<String, String> sources) {
        String declared = MetadataFinder.declaredLanguage(idx, ld, sources);
        String guessed = declared == null ? LanguageGuesser.guess(text) : LanguageGuesser.guessFromScript(text);
        if (guessed != null && (declared == null || !declared.equals(guessed) && LanguageGuesser.isNonLatin(guessed))) {
            sources.put("language", declared == null ? "text" : "text (declared " + declared + ")");
            return guessed;
        }
        return declared;
    }

    private static List<ExtractedImage> images(PageIndex idx, JsonLdArticle ld, UrlResolver urls,
            List<ExtractedImage> bodyImages, Map<String, String> sources) {
        List<ExtractedImage> out = new ArrayList<>();
        String lead = idx.meta("og:image", "og:image:url", "og:image:secure_url");
        String leadSource = "og:image";
        if (lead == null && !ld.images().isEmpty()) {
            lead = ld.images().get(0);
            leadSource = "json-ld";
        }
        if (lead == null) {
            lead = idx.meta("twitter:image", "twitter:image:src");
            leadSource = "twitter:image";
        }
        String leadUrl = lead == null ? null : urls.resolve(lead);
        if (leadUrl != null) {
            String caption = null;
            for (ExtractedImage i : bodyImages) {
                if (i.url().equals(leadUrl)) {
                    caption = i.caption();
                }
            }
            out.add(new ExtractedImage(leadUrl, caption));
            sources.put("images", leadSource);
        }
        for (ExtractedImage i : bodyImages) {
            if (!i.url().equals(leadUrl)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The site's host: the canonical URL's, else the page URL's. */
    private static String host(String canonical, URI pageUrl) {
        try {
            String h = URI.create(canonical).getHost();
            if (h != null) {
                return h;
            }
        } catch (IllegalArgumentException e) {
            // fall back to the page URL
        }
        return pageUrl == null ? null : pageUrl.getHost();
    }

    /** The region's HTML without pretty-printing (cheaper, and closer to the page's bytes). */
    private static String compactHtml(Document doc, Element region) {
        Document.OutputSettings settings = doc.outputSettings();
        boolean pretty = settings.prettyPrint();
        settings.prettyPrint(false);
        try {
            return region.outerHtml();
        } finally {
            settings.prettyPrint(pretty);
        }
    }

    private static String describe(Element e) {
        StringBuilder b = new StringBuilder(e.normalName());
        if (!e.id().isEmpty()) {
            b.append('#').append(e.id());
        }
        String cls = e.className().strip();
        if (!cls.isEmpty()) {
            b.append('.').append(cls.split("\\s+")[0]);
        }
        return b.toString();
    }

    private static ExtractedArticle empty(String url, Throwable error) {
        Map<String, String> sources = error == null ? Map.of() : Map.of("error", error.getClass().getSimpleName());
        return new ExtractedArticle(url, url, "", List.of(), null, null, null, "", null, List.of(), List.of(),
                List.of(), List.of(), null, sources);
    }
}
