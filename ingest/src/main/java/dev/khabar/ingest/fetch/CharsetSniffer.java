package dev.khabar.ingest.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how to decode a page: a byte-order mark wins, then the {@code Content-Type} charset,
 * then a {@code <meta charset>} in the first 4 KB, then UTF-8. A page declared (or defaulted
 * to) UTF-8 whose bytes are not valid UTF-8 is read as Windows-1252, the usual mislabel; a page
 * labelled Latin-1/Windows-1252 whose non-ASCII bytes are valid UTF-8 is read as UTF-8, the other one.
 */
final class CharsetSniffer {

    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharsetSniffer() {
    }

    record Decoded(String text, Charset charset) {
    }

    static Decoded decode(byte[] body, String contentType) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new Decoded(new String(body, skip, body.length - skip, bom), bom);
        }
        Charset declared = fromHeader(contentType).or(() -> fromMeta(body)).orElse(StandardCharsets.UTF_8);
        if (declared == StandardCharsets.UTF_8 || declared.name().equalsIgnoreCase("UTF-8")) {
            Optional<String> strict = strictUtf8(body);
            return strict.map(s -> new Decoded(s, StandardCharsets.UTF_8))
                    .orElseGet(() -> new Decoded(new String(body, WINDOWS_1252), WINDOWS_1252));
        }
        if (declared.equals(WINDOWS_1252) && hasHighBytes(body)) {
            // a Latin-1 label over bytes that are valid UTF-8 with multi-byte sequences is a mislabel
            // (Windows-1252 text almost never forms valid UTF-8): Hindi would otherwise become mojibake
            Optional<String> utf8 = strictUtf8(body);
            if (utf8.isPresent()) {
                return new Decoded(utf8.get(), StandardCharsets.UTF_8);
            }
        }
        if (declared.name().startsWith("UTF-16") && looksLikeAscii(body)) {
            // a UTF-8/ASCII page labelled UTF-16 (no BOM) would decode to CJK noise
            return decode(body, "text/html; charset=utf-8");
        }
        return new Decoded(new String(body, declared), declared);
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    static Optional<Charset> fromHeader(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? charset(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> fromMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? charset(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        try {
            String n = name.toLowerCase(Locale.ROOT);
            // browsers treat latin-1 and ascii labels as windows-1252 (WHATWG encoding standard)
            if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
                return Optional.of(WINDOWS_1252);
            }
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> strictUtf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasHighBytes(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeAscii(byte[] b) {
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return n > 0;
    }
}
