package dev.khabar.ingest.hostile;

import dev.khabar.ingest.hostile.HostileServer.Behaviour;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** The hostile web's repertoire: each method is one way a server can answer badly. */
final class HostileResponses {

    static final String HTML = "text/html; charset=utf-8";

    private HostileResponses() {
    }

    /** A plain, decent article page: the control case. */
    static String article(String title, String sentence) {
        String p = "<p>" + sentence + " The report goes on with enough ordinary sentences to be an article body, "
                + "describing what happened, who said what and what comes next for the people involved.</p>";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><main><article><h1>" + title + "</h1>" + p + p.replace("The report", "Another paragraph")
                + "</article></main></body></html>";
    }

    static Behaviour html(String body) {
        return ok(HTML, body.getBytes(StandardCharsets.UTF_8));
    }

    static Behaviour ok(String contentType, byte[] body, String... headers) {
        return ex -> ex.respond(200, contentType, body, headers);
    }

    static Behaviour text(String contentType, String body, Charset charset) {
        return ok(contentType, body.getBytes(charset));
    }

    static Behaviour status(int status, String... headers) {
        return ex -> ex.respond(status, "text/html", ("<html><body>" + status + "</body></html>").getBytes(StandardCharsets.US_ASCII),
                headers);
    }

    static Behaviour redirect(int status, String location) {
        return ex -> ex.respond(status, "text/html", new byte[0], "Location: " + location);
    }

    /** A body of {@code length} bytes generated while sending, never held in memory; with or without Content-Length. */
    static Behaviour endless(long length, boolean declareLength) {
        return endless(200, length, declareLength);
    }

    /** The same with another status: an error page or a redirect with a body nobody wants. */
    static Behaviour endless(int status, long length, boolean declareLength) {
        return endless(status, HTML, length, declareLength);
    }

    /** The same with another content type: a video where a page was asked for. */
    static Behaviour endless(int status, String contentType, long length, boolean declareLength) {
        return ex -> {
            if (declareLength) {
                ex.head(status, "Content-Type: " + contentType, "Content-Length: " + length);
            } else {
                ex.head(status, "Content-Type: " + contentType, "Transfer-Encoding: chunked");
            }
            byte[] chunk = ("<p>" + "lorem ipsum dolor sit amet ".repeat(300) + "</p>\n").getBytes(StandardCharsets.US_ASCII);
            long written = 0;
            OutputStream out = ex.out();
            while (written < length) {
                int n = (int) Math.min(chunk.length, length - written);
                if (!declareLength) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(chunk, 0, n);
                if (!declareLength) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                written += n;
            }
            if (!declareLength) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        };
    }

    /** Headers at once, then one byte every {@code everyMillis} for at most {@code bytes} bytes. */
    static Behaviour drip(int bytes, long everyMillis) {
        return ex -> {
            ex.head(200, "Content-Type: " + HTML, "Content-Length: " + bytes);
            for (int i = 0; i < bytes; i++) {
                ex.out().write('x');
                ex.out().flush();
                Thread.sleep(everyMillis);
            }
        };
    }

    /** Accepts the request and says nothing until the client gives up (or 20 s pass). */
    static Behaviour silence() {
        return ex -> Thread.sleep(20_000);
    }

    /** Closes the connection without a byte. */
    static Behaviour hangUp() {
        return ex -> { };
    }

    /** Raw bytes that are not HTTP at all. */
    static Behaviour raw(String bytes) {
        return ex -> ex.writeAscii(bytes);
    }

    /** Declares {@code declared} bytes, sends {@code sent}, and hangs up. */
    static Behaviour truncated(int declared, int sent) {
        return ex -> {
            ex.head(200, "Content-Type: " + HTML, "Content-Length: " + declared);
            ex.write("<html><body><p>".concat("x".repeat(Math.max(0, sent - 15))).getBytes(StandardCharsets.US_ASCII));
        };
    }

    static Behaviour encoded(String encoding, byte[] body) {
        return ok(HTML, body, "Content-Encoding: " + encoding);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 1 GB of zeros, gzipped into about 1 MB; built once per JVM (it takes a few seconds). */
    static byte[] gigabyteGzipBomb() {
        return GigabyteBomb.BYTES.clone();
    }

    private static final class GigabyteBomb {
        static final byte[] BYTES = bomb(1024, true);
    }

    /** {@code megabytes} MB of zeros, compressed: about a thousandth of the size. */
    static byte[] bomb(int megabytes, boolean gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1024 * 1024];
        try (OutputStream z = gzip ? new GZIPOutputStream(out, 65536) : new DeflaterOutputStream(out)) {
            for (int i = 0; i < megabytes; i++) {
                z.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** An 8-byte PNG signature, an IHDR chunk header, then noise: what an image looks like on the wire. */
    static byte[] png() {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] out = Arrays.copyOf(head, 4096);
        System.arraycopy(randomBytes(4096 - head.length, 7), 0, out, head.length, 4096 - head.length);
        return out;
    }
}
