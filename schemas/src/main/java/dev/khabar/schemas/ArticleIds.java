package dev.khabar.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The article id: the first 128 bits of SHA-256 over the canonical URL, as 32 lower-case hex
 * characters. Any consumer can recompute it from {@code canonicalUrl}.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    public static String of(String canonicalUrl) {
        return HexFormat.of().formatHex(sha256(canonicalUrl.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /** Hex SHA-256 of a text, used for content hashes. */
    public static String contentHash(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
