package dev.khabar.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Extracts every {@code *.html} and {@code *.html.gz} page below a directory and writes
 * {@code {id: {"articleBody","title","authors","published","language"}}} (the extraction
 * benchmarks' format), id being the path below the directory without the extension.
 */
public final class DirectoryExtractor {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DirectoryExtractor() {
    }

    /** Usage: {@code DirectoryExtractor DIR OUT.json}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DirectoryExtractor DIR OUT.json");
            System.exit(2);
        }
        long start = System.nanoTime();
        int n = run(Path.of(args[0]), Path.of(args[1]));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "%d pages in %.1f s (%.1f pages/s)%n", n, seconds, n / seconds);
    }

    /** Extracts all pages below {@code dir} into {@code out}; returns the number of pages. */
    public static int run(Path dir, Path out) throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(dir)) {
            pages = s.filter(Files::isRegularFile).filter(p -> id(dir, p) != null).sorted().toList();
        }
        ArticleExtractor extractor = new ArticleExtractor();
        Map<String, ObjectNode> results = new TreeMap<>();
        for (Path page : pages) {
            String id = id(dir, page);
            String html = PageDecoder.decode(read(page));
            ExtractedArticle a = extractor.extract(html, URI.create("https://example.invalid/" + encode(id)));
            ObjectNode n = MAPPER.createObjectNode();
            n.put("articleBody", a.text());
            n.put("title", a.title());
            n.putPOJO("authors", a.authors());
            n.put("published", ArticleJson.iso(a.published()));
            n.put("language", a.language());
            n.put("url", a.canonicalUrl());
            n.putPOJO("sources", a.sources());
            results.put(id, n);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(out.toFile(), results);
        return results.size();
    }

    static String id(Path dir, Path page) {
        String rel = dir.relativize(page).toString().replace('\\', '/');
        if (rel.endsWith(".html.gz")) {
            return rel.substring(0, rel.length() - ".html.gz".length());
        }
        if (rel.endsWith(".html")) {
            return rel.substring(0, rel.length() - ".html".length());
        }
        return null;
    }

    private static byte[] read(Path page) throws IOException {
        if (!page.toString().endsWith(".gz")) {
            return Files.readAllBytes(page);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
            return in.readAllBytes();
        }
    }

    private static String encode(String id) {
        StringBuilder b = new StringBuilder();
        for (char c : id.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '/' || c == '-' || c == '_' || c == '.') {
                b.append(c);
            } else {
                b.append('_');
            }
        }
        return b.toString();
    }
}
