package dev.khabar.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walks {@code .html} and {@code .html.gz} pages, decodes charsets, writes the benchmark format. */
class DirectoryExtractorTest {

    @Test
    void extractsEveryPageBelowTheDirectory(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("blogs/hi"));
        Files.write(dir.resolve("blogs/hi/mela.html"), Fixtures.bytes("wordpress-hindi/pahadi-mela.html"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("cafe.html.gz")))) {
            out.write(Fixtures.bytes("windows-1252/cafe-street-works.html"));
        }
        Files.writeString(dir.resolve("notes.txt"), "not a page");
        Path out = dir.resolve("out/pred.json");

        assertThat(DirectoryExtractor.run(dir, out)).isEqualTo(2);

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.fieldNames()).toIterable().containsExactly("blogs/hi/mela", "cafe");
        JsonNode mela = json.get("blogs/hi/mela");
        assertThat(mela.get("title").asText()).isEqualTo("पहाड़ी मेले में लौटी रौनक: तीन साल बाद गाँव में फिर सजा हाट");
        assertThat(mela.get("articleBody").asText()).startsWith("पहाड़ी मेले में लौटी रौनक\n").doesNotContain("Leave a Reply");
        assertThat(mela.get("authors").get(0).asText()).isEqualTo("मीरा जोशी");
        assertThat(mela.get("published").asText()).isEqualTo("2024-06-20T09:15:42+05:30");
        assertThat(mela.get("language").asText()).isEqualTo("hi");
        JsonNode cafe = json.get("cafe");
        assertThat(cafe.get("articleBody").asText()).contains("caf\u00e9s", "€3");
        assertThat(cafe.get("published").asText()).isEqualTo("2009-02-03T00:00:00Z");
    }

    @Test
    void decodesByDeclaredCharsetOnlyWhenNotUtf8() {
        byte[] utf8 = "<meta charset=windows-1252><p>नमस्ते café</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(PageDecoder.decode(utf8)).contains("नमस्ते café");
        byte[] latin = "<meta charset=windows-1252><p>café “x”</p>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(PageDecoder.decode(latin)).contains("café “x”");
        byte[] koi8 = "<meta http-equiv=Content-Type content='text/html; charset=koi8-r'><p>Привет</p>"
                .getBytes(java.nio.charset.Charset.forName("KOI8-R"));
        assertThat(PageDecoder.decode(koi8)).contains("Привет");
        byte[] lying = "<meta charset=utf-8><p>café</p>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(PageDecoder.decode(lying)).contains("café");
    }

    @Test
    void idIsThePathWithoutExtension() {
        Path dir = Path.of("/data");
        assertThat(List.of("a.html", "x/b.html.gz", "c.htm", "d.html.bak"))
                .map(p -> DirectoryExtractor.id(dir, dir.resolve(p)))
                .containsExactly("a", "x/b", null, null);
    }
}
