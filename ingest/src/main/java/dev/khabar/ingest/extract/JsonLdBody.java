package dev.khabar.ingest.extract;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;

/** Turns a JSON-LD {@code articleBody} (plain text, sometimes with HTML in it) into body lines. */
final class JsonLdBody {
    private JsonLdBody() {
    }

    static String toText(String articleBody) {
        String body = articleBody;
        if (body.indexOf('<') >= 0 && body.indexOf('>') > 0) {
            body = Jsoup.parse(body).wholeText();
        }
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\\R")) {
            String l = line.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").strip();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return String.join("\n", lines);
    }
}
