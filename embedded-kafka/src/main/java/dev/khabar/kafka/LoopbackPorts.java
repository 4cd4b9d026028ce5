package dev.khabar.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Free ports on 127.0.0.1. The broker's ports must be known before it starts (the controller's port is
 * part of the voter set, and a restart must reuse both), so "port 0" is resolved here rather than by the
 * broker. Another process can take the port between this probe and the broker's bind; the caller retries.
 */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    static int findFreePortOtherThan(int otherPort) {
        int port;
        do {
            port = findFreePort();
        } while (port == otherPort);
        return port;
    }

    private static int findFreePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(BrokerProperties.HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + BrokerProperties.HOST, e);
        }
    }

    /**
     * The one of {@code ports} that {@code failure} says could not be bound because it is in use, if any.
     * Relies on the broker naming the address in its message ("failed to bind to 127.0.0.1:PORT").
     */
    static OptionalInt findPortInUse(Throwable failure, int... ports) {
        boolean bindFailure = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            bindFailure |= t instanceof BindException;
        }
        for (Throwable t = failure; bindFailure && t != null; t = t.getCause()) {
            for (int port : ports) {
                Pattern address = Pattern.compile(Pattern.quote(BrokerProperties.HOST + ":" + port) + "(?!\\d)");
                if (t.getMessage() != null && address.matcher(t.getMessage()).find()) {
                    return OptionalInt.of(port);
                }
            }
        }
        return OptionalInt.empty();
    }
}
