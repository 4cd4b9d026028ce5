package dev.khabar.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.fetch.FetchRequest;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.PageFetcher;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The WordPress REST API as a source: {@code /wp-json/wp/v2/posts}, newest changes first, with
 * terms and authors embedded. Each post's JSON travels as the frontier entry's payload, so the
 * article is built from the API (clean body, UTC dates, categories and tags) without scraping.
 */
final class WordPressApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_PAGE = 50;

    private final PageFetcher fetcher;

    WordPressApi(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    List<Discovered> posts(Source source) throws DiscoveryException {
        URI root = apiRoot(source);
        List<Discovered> out = new ArrayList<>();
        for (int page = 1; page <= source.maxPages() && out.size() < source.maxArticles(); page++) {
            URI url = root.resolve("wp/v2/posts?per_page=" + PER_PAGE + "&page=" + page
                    + "&orderby=modified&order=desc&_embed=author,wp:term");
            FetchResult r = fetcher.fetch(new FetchRequest(url, FetchRequest.Expect.JSON, source.allowPrivate(), null, null,
                    source.url()));
            if (r instanceof FetchResult.Failed f && f.status() == 400 && page > 1) {
                break; // WordPress answers 400 past the last page
            }
            FetchResult.Page p = require(r, url);
            JsonNode posts;
            try {
                posts = JSON.readTree(p.body());
            } catch (IOException e) {
                throw new DiscoveryException(FetchOutcome.EXTRACT_FAILED, p.status(), url + ": not JSON: " + e.getMessage());
            }
            if (!posts.isArray()) {
                throw new DiscoveryException(FetchOutcome.EXTRACT_FAILED, p.status(), url + ": expected a JSON array");
            }
            for (JsonNode post : posts) {
                String link = post.path("link").asText("");
                if (!link.isEmpty()) {
                    out.add(new Discovered(source.url().resolve(link), post.toString()));
                }
            }
            if (posts.size() < PER_PAGE) {
                break;
            }
        }
        return out;
    }

    /** The API root a site announces with {@code <link rel="https://api.w.org/">}, else {@code /wp-json/}. */
    private URI apiRoot(Source source) throws DiscoveryException {
        String path = source.url().getPath();
        if (path != null && path.contains("/wp-json")) {
            return URI.create(source.url().toString().replaceFirst("(/wp-json).*$", "$1/"));
        }
        FetchResult r = fetcher.fetch(FetchRequest.page(source.url(), source.allowPrivate()));
        if (r instanceof FetchResult.Page p) {
            Optional<URI> announced = findApiLink(Jsoup.parse(p.body(), p.finalUrl().toString()));
            if (announced.isPresent()) {
                return announced.get();
            }
        }
        return source.url().resolve("/wp-json/");
    }

    static Optional<URI> findApiLink(Document doc) {
        Element link = doc.selectFirst("link[rel=https://api.w.org/][href]");
        if (link == null) {
            return Optional.empty();
        }
        String href = link.absUrl("href");
        if (href.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(href.endsWith("/") ? href : href + "/"));
    }

    private static FetchResult.Page require(FetchResult r, URI url) throws DiscoveryException {
        if (r instanceof FetchResult.Page p) {
            return p;
        }
        FetchResult.Failed f = (FetchResult.Failed) r;
        throw new DiscoveryException(f.outcome(), f.status(), url + ": " + f.message());
    }
}
