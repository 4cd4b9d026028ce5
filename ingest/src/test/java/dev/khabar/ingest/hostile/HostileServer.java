package dev.khabar.ingest.hostile;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A web server that misbehaves on purpose: a raw {@link ServerSocket} on one loopback address,
 * where each path's {@link Behaviour} writes whatever bytes it likes (or none, or very slowly) to
 * the socket. It counts requests and the bytes it managed to send per path, so a test can tell
 * how much of a 50 MB answer the client actually took before hanging up.
 */
final class HostileServer implements AutoCloseable {

    /** What the server does with one request. Returning (or throwing) closes the connection. */
    @FunctionalInterface
    interface Behaviour {
        void serve(Exchange exchange) throws IOException, InterruptedException;
    }

    /** One request and the raw socket to answer it on. */
    static final class Exchange {
        private final String target;
        private final Map<String, String> headers;
        private final OutputStream out;

        Exchange(String target, Map<String, String> headers, OutputStream out) {
            this.target = target;
            this.headers = headers;
            this.out = out;
        }

        String target() {
            return target;
        }

        /** A request header by lower-case name, or null. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        OutputStream out() {
            return out;
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        void writeAscii(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Status line and headers (plus {@code Connection: close}), then the blank line. */
        void head(int status, String... headerLines) throws IOException {
            StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            for (String h : headerLines) {
                sb.append(h).append("\r\n");
            }
            sb.append("Connection: close\r\n\r\n");
            writeAscii(sb.toString());
            out.flush();
        }

        /** A complete answer with a Content-Length. */
        void respond(int status, String contentType, byte[] body, String... extraHeaders) throws IOException {
            String[] h = new String[extraHeaders.length + 2];
            h[0] = "Content-Length: " + body.length;
            h[1] = contentType == null ? "X-No-Content-Type: 1" : "Content-Type: " + contentType;
            System.arraycopy(extraHeaders, 0, h, 2, extraHeaders.length);
            head(status, h);
            out.write(body);
            out.flush();
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 204 -> "No Content";
                case 301 -> "Moved Permanently";
                case 302 -> "Found";
                case 304 -> "Not Modified";
                case 404 -> "Not Found";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 503 -> "Service Unavailable";
                default -> "Status";
            };
        }
    }

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Behaviour> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Listens on {@code loopbackAddress} (127.0.0.0/8 only), on a free port. */
    HostileServer(String loopbackAddress) {
        try {
            InetAddress address = InetAddress.getByName(loopbackAddress);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("tests serve on loopback only: " + loopbackAddress);
            }
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(address, 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pool.execute(this::acceptLoop);
    }

    HostileServer on(String path, Behaviour behaviour) {
        routes.put(path, behaviour);
        return this;
    }

    URI base() {
        return URI.create("http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort() + "/");
    }

    URI url(String path) {
        return base().resolve(path);
    }

    int port() {
        return socket.getLocalPort();
    }

    int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Bytes written to the socket for {@code path} (headers included) before the client went away. */
    long bytesSent(String path) {
        AtomicLong n = sent.get(path);
        return n == null ? 0 : n.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                open.add(s);
                pool.execute(() -> handle(s));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void handle(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String target = requestLine.length > 1 ? requestLine[1] : "/";
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
                }
            }
            requests.computeIfAbsent(target, k -> new AtomicInteger()).incrementAndGet();
            AtomicLong counter = sent.computeIfAbsent(target, k -> new AtomicLong());
            OutputStream out = new FilterOutputStream(s.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    counter.addAndGet(len);
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    counter.incrementAndGet();
                }
            };
            Behaviour b = routes.get(target);
            Exchange ex = new Exchange(target, headers, out);
            if (b == null) {
                ex.respond(404, "text/plain", "not found".getBytes(StandardCharsets.US_ASCII));
            } else {
                b.serve(ex);
            }
            out.flush();
        } catch (SocketException e) {
            // the client hung up: exactly what many cases provoke
        } catch (IOException e) {
            // a broken exchange is part of the game
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(s);
        }
    }

    /** The request line and headers, or null when the client sent nothing usable. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        int c;
        while ((c = in.read()) >= 0) {
            buf.write(c);
            state = switch (state) {
                case 0, 2 -> c == '\r' ? state + 1 : 0;
                case 1, 3 -> c == '\n' ? state + 1 : 0;
                default -> 0;
            };
            if (state == 4) {
                return buf.toString(StandardCharsets.ISO_8859_1);
            }
            if (buf.size() > 64 * 1024) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        pool.shutdownNow();
    }
}
