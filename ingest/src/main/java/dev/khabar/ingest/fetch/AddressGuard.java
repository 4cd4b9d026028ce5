package dev.khabar.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses URLs whose host resolves to an address a public source must not reach: loopback,
 * private (RFC 1918, fc00::/7), link-local (incl. cloud metadata 169.254.169.254), any-local,
 * multicast and carrier-grade NAT — unless the source may reach them, and then only its own host's
 * addresses. Checked on the first URL and again on every redirect hop, on the answer the HTTP
 * client connects to, and on the address and port a socket is about to connect to.
 */
public final class AddressGuard {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Name resolution, injectable so tests never need a real private address. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final HostResolver resolver;
    private final java.util.function.Predicate<InetAddress> nonPublic;

    public AddressGuard(HostResolver resolver) {
        this(resolver, AddressGuard::isNonPublic);
    }

    /**
     * A guard with its own idea of which addresses are not public: tests let a loopback address
     * stand for a public one, so that nothing they do ever reaches beyond 127.0.0.0/8.
     */
    AddressGuard(HostResolver resolver, java.util.function.Predicate<InetAddress> nonPublic) {
        this.resolver = resolver;
        this.nonPublic = nonPublic;
    }

    /**
     * The guard over the JVM's resolver. The fetcher connects only to addresses this guard's
     * resolver answered and the guard accepted in the same look-up ({@link GuardedDns}), and its
     * sockets check address and port before they connect, so DNS rebinding (a name answering
     * a public address to a check and a private one to the connection) does not get through.
     */
    public static AddressGuard system() {
        return new AddressGuard(InetAddress::getAllByName);
    }

    /**
     * Why {@code url} may not be fetched, or empty when it may. With {@code allowPrivate} the
     * non-public addresses of the URL's own host are allowed: {@code findRefusal(url, url)}.
     */
    public Optional<String> findRefusal(URI url, boolean allowPrivate) {
        return findRefusal(url, allowPrivate ? url : null);
    }

    /**
     * Why {@code url} may not be fetched, or empty when it may. Public addresses are always allowed.
     * A loopback, private or link-local address only when {@code privateScope} is set and either
     * {@code url} names the same host, or the address is one that {@code privateScope}'s host
     * resolves to. A source allowed to reach its own private host (the demo site, an intranet wiki)
     * is still not let through to another one (127.0.0.2, 10.0.0.1, 169.254.169.254) by a redirect,
     * a link or a DNS answer, nor to another service of its own host: on a non-public address only
     * {@code privateScope}'s port and the web ports 80 and 443 are allowed (a redirect from
     * {@code :8000} to {@code :6379} is refused; one from http to https is not).
     *
     * @param privateScope the URL whose host's non-public addresses may be reached, or null for none
     */
    public Optional<String> findRefusal(URI url, URI privateScope) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("no host in " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = resolve(host);
        } catch (UnknownHostException e) {
            return Optional.empty(); // let the fetch report the network error itself
        }
        return findRefusal(host, port(url), addresses, privateScope);
    }

    /**
     * The same verdict over addresses already resolved: the fetcher checks with it the very answer
     * it connects to ({@link GuardedDns}), so a name
     * that answers one address to the check and another to the connection (DNS rebinding) cannot
     * get past it.
     *
     * @param port the port to be reached, or -1 when not known yet (a name being resolved): then
     *             only the addresses are judged
     */
    Optional<String> findRefusal(String host, int port, InetAddress[] addresses, URI privateScope) {
        InetAddress[] scope = null;
        for (InetAddress a : addresses) {
            if (!nonPublic.test(a)) {
                continue;
            }
            if (privateScope == null || privateScope.getHost() == null) {
                return Optional.of(host + " resolves to non-public address " + a.getHostAddress());
            }
            if (!privateScope.getHost().equalsIgnoreCase(host)) {
                if (scope == null) {
                    scope = resolveOrEmpty(privateScope.getHost());
                }
                if (!Arrays.asList(scope).contains(a)) {
                    return Optional.of(host + " resolves to non-public address " + a.getHostAddress()
                            + ", which is not the source's own host " + privateScope.getHost());
                }
            }
            if (port >= 0 && port != port(privateScope) && port != 80 && port != 443) {
                return Optional.of("port " + port + " of non-public address " + a.getHostAddress()
                        + ": the source may reach its own port " + port(privateScope) + " there, and 80 and 443");
            }
        }
        return Optional.empty();
    }

    /**
     * Why a socket may not connect to {@code to}, or empty: the last check, made by the fetcher's
     * sockets before they connect, whatever name led there. A public address is always allowed; a
     * non-public one only when {@code privateScope} is set, the address is one its host resolves to,
     * and the port is the scope's own or 80/443.
     */
    Optional<String> findConnectRefusal(java.net.InetSocketAddress to, URI privateScope) {
        InetAddress a = to.getAddress();
        if (a == null || !nonPublic.test(a)) {
            return Optional.empty();
        }
        if (privateScope == null || privateScope.getHost() == null) {
            return Optional.of("connection to non-public address " + a.getHostAddress() + " refused");
        }
        if (!Arrays.asList(resolveOrEmpty(privateScope.getHost())).contains(a)) {
            return Optional.of("connection to non-public address " + a.getHostAddress()
                    + ", which is not the source's own host " + privateScope.getHost() + ", refused");
        }
        int port = to.getPort();
        if (port != port(privateScope) && port != 80 && port != 443) {
            return Optional.of("connection to port " + port + " of non-public address " + a.getHostAddress()
                    + " refused: the source may reach its own port " + port(privateScope) + " there, and 80 and 443");
        }
        return Optional.empty();
    }

    /** The port a URL connects to: its own, or its scheme's default. */
    static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** The addresses of {@code host} (an IP literal as it is), through this guard's resolver. */
    InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        // an IP literal is checked as it is: no resolver (injected or not) gets to reinterpret it
        return isIpLiteral(name) ? new InetAddress[] {InetAddress.getByName(name)} : resolver.resolve(name);
    }

    private InetAddress[] resolveOrEmpty(String host) {
        try {
            return resolve(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    private static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    static boolean isNonPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC; // unique local fc00::/7
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0 || (first == 100 && second >= 64 && second <= 127) // CGNAT 100.64/10
                || (first == 192 && second == 0 && (b[2] & 0xFF) == 0); // IETF 192.0.0/24
    }
}
