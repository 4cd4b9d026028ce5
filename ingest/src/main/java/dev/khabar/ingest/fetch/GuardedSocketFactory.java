package dev.khabar.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * The HTTP client's sockets, which check the address and port they are about to connect to against
 * the address guard: nothing — no TCP handshake, no TLS hello — reaches an address or port the
 * request's source may not reach, whatever name or redirect led there. One per private scope, like
 * {@link GuardedDns}.
 */
final class GuardedSocketFactory extends SocketFactory {

    private final AddressGuard guard;
    private final URI privateScope;

    /** @param privateScope whose host's non-public addresses may be reached, or null for none */
    GuardedSocketFactory(AddressGuard guard, URI privateScope) {
        this.guard = guard;
        this.privateScope = privateScope;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                if (endpoint instanceof InetSocketAddress to) {
                    Optional<String> refusal = guard.findConnectRefusal(to, privateScope);
                    if (refusal.isPresent()) {
                        close();
                        throw new GuardedDns.RefusedAddressException(refusal.get());
                    }
                }
                super.connect(endpoint, timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress to, InetSocketAddress local) throws IOException {
        Socket s = createSocket();
        if (local != null) {
            s.bind(local);
        }
        s.connect(to);
        return s;
    }
}
