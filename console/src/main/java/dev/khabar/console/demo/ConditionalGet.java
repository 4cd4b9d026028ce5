package dev.khabar.console.demo;

import com.sun.net.httpserver.Headers;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/** The sample site's validators: a strong {@code ETag} per body and the conditional-request rules. */
final class ConditionalGet {

    private ConditionalGet() {
    }

    /** RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since; both compare against what would be sent. */
    static boolean notModified(Headers request, String etag, Instant lastModified) {
        List<String> noneMatch = request.get("If-None-Match");
        if (noneMatch != null && !noneMatch.isEmpty()) {
            String opaque = opaque(etag);
            for (String header : noneMatch) {
                for (String candidate : header.split(",")) {
                    String c = candidate.strip();
                    if (c.equals("*") || opaque(c).equals(opaque)) {
                        return true;
                    }
                }
            }
            return false;
        }
        String since = request.getFirst("If-Modified-Since");
        if (since == null) {
            return false;
        }
        try {
            Instant ims = ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(ims);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Weak comparison, as If-None-Match asks for: {@code W/"x"} matches {@code "x"}. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
