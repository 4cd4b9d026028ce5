package dev.khabar.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** Reads a body into memory, cancelling the transfer as soon as it passes the cap. */
final class CappedBody implements BodySubscriber<byte[]> {

    /** The body went past the cap (on the wire, or after decompression). */
    static final class TooLargeException extends IOException {
        TooLargeException(long cap) {
            super("body larger than " + cap + " bytes");
        }
    }

    private final long cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    CappedBody(long cap) {
        this.cap = cap;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (result.isDone()) {
            s.cancel(); // expired before the body began
            return;
        }
        s.request(1);
    }

    /**
     * Gives up the transfer: the exchange fails with an {@link HttpTimeoutException} and the
     * connection is dropped. Called by the fetcher's deadline; does nothing once the body is complete.
     */
    void expire(long afterMillis) {
        if (result.completeExceptionally(new HttpTimeoutException("body not complete after " + afterMillis + " ms"))) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return; // expired: the subscription is already cancelled
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (buffer.size() + (long) n > cap) {
                result.completeExceptionally(new TooLargeException(cap)); // first: a cancel may signal onError
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[n];
            item.get(chunk);
            buffer.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
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
