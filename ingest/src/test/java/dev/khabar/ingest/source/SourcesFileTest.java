package dev.khabar.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.io.FeedException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesFileTest {

    @Test
    void readsSourcesWithDefaultsAndDurations() {
        List<Source> s = SourcesFile.parse("""
                sources:
                  - id: hindi-blog
                    type: rss
                    url: https://blog.example.org/feed/
                    poll-interval: 10m
                  - id: one-page
                    type: url
                    url: http://127.0.0.1:8000/a.html
                    allow-private: true
                """, "test");
        assertThat(s).hasSize(2);
        assertThat(s.get(0).pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.get(0).allowPrivate()).isFalse();
        assertThat(s.get(1).type()).isEqualTo(SourceType.URL);
        assertThat(s.get(1).allowPrivate()).isTrue();
        assertThat(s.get(1).pollInterval()).isEqualTo(Source.DEFAULT_POLL_INTERVAL);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> SourcesFile.parse("sources:\n  - id: a\n    type: gopher\n    url: http://x/\n", "f.yaml"))
                .hasMessageContaining("f.yaml: sources[0]").hasMessageContaining("gopher");
        assertThatThrownBy(() -> SourcesFile.parse("sources:\n  - id: a\n    type: rss\n", "f.yaml"))
                .hasMessageContaining("missing 'url'");
        assertThatThrownBy(() -> SourcesFile.parse("sources:\n  - {id: a, type: rss, url: 'ftp://x/'}\n", "f.yaml"))
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> SourcesFile.parse(
                "sources:\n  - {id: a, type: rss, url: 'http://x/'}\n  - {id: a, type: url, url: 'http://y/'}\n", "f"))
                .hasMessageContaining("duplicate id 'a'");
        assertThatThrownBy(() -> SourcesFile.parse("nothing: here\n", "f")).hasMessageContaining("sources:");
    }

    @Test
    void feedsOfBothFormatsGiveTheirLinksInOrder() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>ब्लॉग</title><link>https://b.example/</link><description>d</description>
                <item><title>पहला</title><link>https://b.example/1</link><pubDate>Fri, 21 Jun 2024 10:15:00 +0530</pubDate></item>
                <item><title>दूसरा</title><link>/2</link></item>
                </channel></rss>""";
        List<FeedEntry> entries = new FeedParser(100).parse(rss, URI.create("https://b.example/feed/"));
        assertThat(entries).extracting(FeedEntry::link)
                .containsExactly(URI.create("https://b.example/1"), URI.create("https://b.example/2"));
        assertThat(entries.get(0).published()).isEqualTo(java.time.Instant.parse("2024-06-21T04:45:00Z"));

        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2024-06-21T10:00:00Z</updated>
                <entry><title>a</title><id>urn:a</id><updated>2024-06-21T10:00:00Z</updated><link href="https://a.example/x"/></entry>
                </feed>""";
        assertThat(new FeedParser(100).parse(atom, URI.create("https://a.example/feed")))
                .extracting(FeedEntry::link).containsExactly(URI.create("https://a.example/x"));
    }

    @Test
    void feedsWithADoctypeAreRefusedSoExternalEntitiesNeverResolve() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title><link>https://x/</link><description>d</description></channel></rss>""";
        assertThatThrownBy(() -> new FeedParser(100).parse(xxe, URI.create("https://x/")))
                .isInstanceOf(FeedException.class);
    }

    @Test
    void aFeedIsCutAtTheEntryLimit() throws Exception {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><link>https://x/</link><description>d</description>");
        for (int i = 0; i < 50; i++) {
            rss.append("<item><link>https://x/").append(i).append("</link></item>");
        }
        rss.append("</channel></rss>");
        assertThat(new FeedParser(10).parse(rss.toString(), URI.create("https://x/"))).hasSize(10);
    }
}
