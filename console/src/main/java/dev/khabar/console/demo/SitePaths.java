package dev.khabar.console.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** How the sample site maps request paths to its resources: safely decoded, typed, nothing outside the site. */
final class SitePaths {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "xml", "application/xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8");
    private static final String RSS_TYPE = "application/rss+xml; charset=utf-8";

    private SitePaths() {
    }

    /** Outcome of mapping a request path onto the site: 200 with a resource path, 400 or 404. */
    record Resolved(int status, String path) {
        static final Resolved BAD = new Resolved(400, null);
        static final Resolved MISSING = new Resolved(404, null);
    }

    /**
     * Maps a raw (still percent-encoded) request path to a resource path under {@link SampleSite#RESOURCE_ROOT}.
     * Refuses (400) dot segments, backslashes, NULs and encoded slashes; 404 for what the site cannot serve.
     */
    static Resolved resolve(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Resolved.BAD;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            return Resolved.BAD;
        }
        String path = percentDecode(rawPath);
        if (path == null) {
            return Resolved.BAD;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return Resolved.BAD;
            }
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.equals(".") || segment.equals("..")) {
                return Resolved.BAD;
            }
        }
        String relative = path.substring(1);
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + "index.html";
        }
        if (relative.contains("//") || contentType(relative) == null) {
            return Resolved.MISSING;
        }
        return new Resolved(200, relative);
    }

    static String contentType(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals(SampleSite.FEED) || name.endsWith(".rss")) {
            return RSS_TYPE;
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? null : CONTENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Decodes %XX escapes as UTF-8; {@code null} for a malformed escape or invalid UTF-8. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
