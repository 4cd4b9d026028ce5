package dev.khabar.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import okio.Buffer;
import okio.BufferedSource;

/** Bodies read into memory under a cap, on the wire and after decompression. */
final class CappedBody {

    /** The body went past the cap (on the wire, or after decompression). */
    static final class TooLargeException extends IOException {
        TooLargeException(long cap) {
            super("body larger than " + cap + " bytes");
        }
    }

    private CappedBody() {
    }

    /** Reads {@code source} to its end, giving up (and leaving the rest unread) once it passes {@code cap}. */
    static byte[] read(BufferedSource source, long cap) throws IOException {
        Buffer buffer = new Buffer();
        while (source.read(buffer, 16384) != -1) {
            if (buffer.size() > cap) {
                throw new TooLargeException(cap);
            }
        }
        return buffer.readByteArray();
    }

    /** Undoes {@code gzip} or {@code deflate}, with the same cap on the decompressed size (zip bombs). */
    static byte[] decode(byte[] body, String contentEncoding, long cap) throws IOException {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.equalsIgnoreCase("identity")) {
            return body;
        }
        String enc = contentEncoding.strip().toLowerCase(java.util.Locale.ROOT);
        try (InputStream in = switch (enc) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new java.io.ByteArrayInputStream(body));
            case "deflate" -> new InflaterInputStream(new java.io.ByteArrayInputStream(body));
            default -> throw new IOException("unsupported content-encoding " + contentEncoding);
        }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            int r;
            while ((r = in.read(buf)) > 0) {
                if (out.size() + (long) r > cap) {
                    throw new TooLargeException(cap);
                }
                out.write(buf, 0, r);
            }
            return out.toByteArray();
        }
    }
}
