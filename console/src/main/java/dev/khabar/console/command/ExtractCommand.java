package dev.khabar.console.command;

import dev.khabar.ingest.extract.ArticleExtractor;
import dev.khabar.ingest.extract.ArticleJson;
import dev.khabar.ingest.extract.DirectoryExtractor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs the article extractor on saved pages: one page to JSON, or a folder to the scorer's format. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract an article from a saved HTML file (--url URL FILE), or every page under --dir into --out.")
public final class ExtractCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", description = "the URL the page was fetched from")
    URI url;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "saved HTML page")
    Path file;

    @Option(names = "--dir", paramLabel = "DIR", description = "folder of *.html and *.html.gz pages")
    Path dir;

    @Option(names = "--out", paramLabel = "OUT.json", description = "with --dir: where to write {id: {articleBody,...}}")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (dir != null) {
            if (out == null) {
                throw new IllegalArgumentException("--dir needs --out OUT.json");
            }
            int pages = DirectoryExtractor.run(dir, out);
            System.err.println("khabar: extracted " + pages + " pages into " + out);
            return 0;
        }
        if (file == null) {
            throw new IllegalArgumentException("give a FILE (with --url URL) or --dir DIR --out OUT.json");
        }
        byte[] bytes = Files.readAllBytes(file);
        URI pageUrl = url != null ? url : file.toAbsolutePath().toUri();
        // Jsoup picks the charset from a BOM or <meta charset>, else UTF-8
        var doc = org.jsoup.Jsoup.parse(new java.io.ByteArrayInputStream(bytes), null, pageUrl.toString());
        var out = new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        out.println(ArticleJson.toJson(new ArticleExtractor().extract(doc, pageUrl)));
        return 0;
    }
}
