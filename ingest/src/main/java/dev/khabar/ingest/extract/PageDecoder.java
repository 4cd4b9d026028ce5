package dev.khabar.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Decodes saved page bytes: UTF-8 when the bytes are valid UTF-8, else the charset the page
 * declares in its {@code <meta>}, else windows-1252 (what browsers assume for Latin pages).
 */
final class PageDecoder {
    private static final int SNIFF_BYTES = 4096;

    private PageDecoder() {
    }

    static String decode(byte[] bytes) {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, declaredCharset(bytes));
        }
    }

    /** The charset named in the page's first bytes ({@code <meta charset>} or http-equiv), else windows-1252. */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        int i = head.indexOf("charset=");
        if (i >= 0) {
            int start = i + "charset=".length();
            while (start < head.length() && (head.charAt(start) == '"' || head.charAt(start) == '\'')) {
                start++;
            }
            int end = start;
            while (end < head.length() && (Character.isLetterOrDigit(head.charAt(end)) || head.charAt(end) == '-'
                    || head.charAt(end) == '_')) {
                end++;
            }
            String name = head.substring(start, end);
            try {
                if (!name.isEmpty() && Charset.isSupported(name)) {
                    Charset cs = Charset.forName(name);
                    // a page that claims UTF-8 but is not valid UTF-8 is almost always windows-1252
                    return cs.equals(StandardCharsets.UTF_8) ? Charset.forName("windows-1252") : latinAsWindows(cs);
                }
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // fall through to the default
            }
        }
        return Charset.forName("windows-1252");
    }

    /** Browsers decode ISO-8859-1 and US-ASCII labels as windows-1252. */
    private static Charset latinAsWindows(Charset cs) {
        return cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)
                ? Charset.forName("windows-1252") : cs;
    }
}
