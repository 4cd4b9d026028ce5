package dev.khabar.ingest.source;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import dev.khabar.ingest.fetch.FetchOutcome;
import dev.khabar.ingest.fetch.FetchRequest;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.PageFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Lists the article URLs a source offers right now: feed entries, sitemap locations, links on
 * listing pages, or WordPress REST API posts. Only same-site URLs count for sitemaps and
 * listings, so a source cannot point ingest at somebody else's site.
 */
public final class SourceScanner {

    private final PageFetcher fetcher;
    private final FeedParser feeds = new FeedParser(100_000);
    private final WordPressApi wordpress;

    public SourceScanner(PageFetcher fetcher) {
        this.fetcher = fetcher;
        this.wordpress = new WordPressApi(fetcher);
    }

    public List<Discovered> scan(Source source) throws DiscoveryException {
        List<Discovered> found = switch (source.type()) {
            case URL -> List.of(Discovered.of(source.url()));
            case RSS, ATOM -> feed(source);
            case SITEMAP -> sitemap(source);
            case LISTING -> listing(source);
            case WORDPRESS -> wordpress.posts(source);
        };
        return found.size() > source.maxArticles() ? List.copyOf(found.subList(0, source.maxArticles())) : found;
    }

    private List<Discovered> feed(Source source) throws DiscoveryException {
        FetchResult.Page page = fetch(source, source.url(), FetchRequest.Expect.FEED);
        try {
            return feeds.parse(page.body(), page.finalUrl()).stream().map(e -> Discovered.of(e.link())).toList();
        } catch (Exception e) {
            throw new DiscoveryException(FetchOutcome.EXTRACT_FAILED, page.status(), "not a feed: " + e.getMessage());
        }
    }

    private List<Discovered> sitemap(Source source) throws DiscoveryException {
        SiteMapParser parser = new SiteMapParser(true); // strict: URLs must sit under the sitemap's own path
        parser.enableExtensions(); // Google News, images
        List<SiteMapURL> urls = new ArrayList<>();
        List<URI> pending = new ArrayList<>(List.of(source.url()));
        int fetched = 0;
        while (!pending.isEmpty() && fetched < source.maxPages()) {
            URI next = pending.remove(0);
            if (!sameSite(next, source.url())) {
                continue; // a sitemap index pointing off-site is ignored
            }
            FetchResult.Page page = fetch(source, next, FetchRequest.Expect.FEED);
            fetched++;
            AbstractSiteMap map;
            try {
                map = parser.parseSiteMap(page.contentType(), page.body().getBytes(StandardCharsets.UTF_8),
                        page.finalUrl().toURL());
            } catch (Exception e) {
                throw new DiscoveryException(FetchOutcome.EXTRACT_FAILED, page.status(), "not a sitemap: " + e.getMessage());
            }
            if (map instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps()) {
                    pending.add(URI.create(child.getUrl().toString()));
                }
            } else if (map instanceof SiteMap leaf) {
                urls.addAll(leaf.getSiteMapUrls());
            }
        }
        // newest first, so max-articles keeps the fresh ones
        urls.sort(Comparator.comparing((SiteMapURL u) -> u.getLastModified() == null ? 0 : u.getLastModified().getTime())
                .reversed());
        Set<URI> out = new LinkedHashSet<>();
        for (SiteMapURL u : urls) {
            URI uri = URI.create(u.getUrl().toString());
            if (sameSite(uri, source.url())) {
                out.add(uri);
            }
        }
        return out.stream().map(Discovered::of).toList();
    }

    private List<Discovered> listing(Source source) throws DiscoveryException {
        Set<URI> out = new LinkedHashSet<>();
        URI page = source.url();
        Set<URI> visited = new LinkedHashSet<>();
        while (page != null && visited.size() < source.maxPages() && visited.add(page)) {
            FetchResult.Page p = fetch(source, page, FetchRequest.Expect.HTML);
            Document doc = Jsoup.parse(p.body(), p.finalUrl().toString());
            for (Element a : doc.select(source.linkSelector())) {
                URI link = absolute(a.absUrl("href"));
                if (link != null && sameSite(link, source.url())) {
                    out.add(link);
                }
            }
            page = null;
            if (source.nextSelector() != null) {
                Element next = doc.selectFirst(source.nextSelector());
                page = next == null ? null : absolute(next.absUrl("href"));
                if (page != null && !sameSite(page, source.url())) {
                    page = null;
                }
            }
        }
        return out.stream().map(Discovered::of).toList();
    }

    FetchResult.Page fetch(Source source, URI url, FetchRequest.Expect expect) throws DiscoveryException {
        FetchResult r = fetcher.fetch(new FetchRequest(url, expect, source.allowPrivate(), null, null, source.url()));
        if (r instanceof FetchResult.Page p) {
            return p;
        }
        if (r instanceof FetchResult.Failed f) {
            throw new DiscoveryException(f.outcome(), f.status(), url + ": " + f.message());
        }
        throw new DiscoveryException(FetchOutcome.HTTP_ERROR, 304, url + ": unexpected 304");
    }

    private static URI absolute(String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(href.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean sameSite(URI a, URI b) {
        if (a.getHost() == null || b.getHost() == null) {
            return false;
        }
        String x = a.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        String y = b.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        return x.equals(y) && a.getPort() == b.getPort();
    }
}
