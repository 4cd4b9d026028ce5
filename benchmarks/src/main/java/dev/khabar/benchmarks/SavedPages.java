package dev.khabar.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Saved pages ({@code *.html}, {@code *.html.gz}) below a directory, read into memory once. */
final class SavedPages {
    /** Where pages are read from unless {@code -p pages=DIR} says otherwise: our own test fixtures. */
    static final String DEFAULT_DIR = "ingest/src/test/resources/pages";

    private SavedPages() {
    }

    static List<String> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no page directory " + dir.toAbsolutePath()
                    + " (run from the repository root or pass -p pages=DIR)");
        }
        List<String> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".html")) {
                    pages.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                } else if (name.endsWith(".html.gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                        pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no *.html or *.html.gz pages below " + dir.toAbsolutePath());
        }
        return pages;
    }
}
