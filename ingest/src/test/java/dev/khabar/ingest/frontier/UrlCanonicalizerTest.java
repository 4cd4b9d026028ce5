package dev.khabar.ingest.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    private static String canon(String url) {
        return UrlCanonicalizer.canonicalize(url).map(URI::toString).orElse(null);
    }

    @Test
    void foldsSchemeHostDefaultPortFragmentAndTrackingParameters() {
        assertThat(canon("HTTPS://Blog.Example.ORG:443/2024/06/pact/?utm_source=x&id=7&fbclid=abc#comments"))
                .isEqualTo("https://blog.example.org/2024/06/pact/?id=7");
        assertThat(canon("http://example.org")).isEqualTo("http://example.org/");
        assertThat(canon("http://example.org:8080/a?gclid=1")).isEqualTo("http://example.org:8080/a");
    }

    @Test
    void keepsPercentEncodedDevanagariPaths() {
        String url = "https://hi.example.org/%E0%A4%B0%E0%A4%95%E0%A5%8D%E0%A4%B7%E0%A4%BE/";
        assertThat(canon(url)).isEqualTo(url);
    }

    @Test
    void refusesWhatIsNotHttp() {
        assertThat(canon("mailto:a@example.org")).isNull();
        assertThat(canon("javascript:alert(1)")).isNull();
        assertThat(canon("/relative")).isNull();
    }

}
