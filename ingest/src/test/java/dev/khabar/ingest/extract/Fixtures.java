package dev.khabar.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/** Loads saved pages from {@code src/test/resources/pages/<site>/}. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/pages/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture page " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExtractedArticle extract(String path, String url) {
        return new ArticleExtractor().extract(PageDecoder.decode(bytes(path)), URI.create(url));
    }
}
