package dev.khabar.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Refuses URLs whose host resolves to an address a public source must not reach: loopback,
 * private (RFC 1918, fc00::/7), link-local (incl. cloud metadata 169.254.169.254), any-local,
 * multicast and carrier-grade NAT. Checked on the first URL and again on every redirect hop.
 */
public final class AddressGuard {

    /** Name resolution, injectable so tests never need a real private address. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final HostResolver resolver;

    public AddressGuard(HostResolver resolver) {
        this.resolver = resolver;
    }

    public static AddressGuard system() {
        return new AddressGuard(InetAddress::getAllByName);
    }

    /**
     * Why {@code url} may not be fetched, or empty when it may. With {@code allowPrivate} every
     * resolvable address is allowed.
     */
    public Optional<String> findRefusal(URI url, boolean allowPrivate) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("no host in " + url);
        }
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            // an IP literal is checked as it is: no resolver (injected or not) gets to reinterpret it
            addresses = isIpLiteral(name) ? new InetAddress[] {InetAddress.getByName(name)} : resolver.resolve(name);
        } catch (UnknownHostException e) {
            return Optional.empty(); // let the fetch report the network error itself
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress a : addresses) {
            if (isNonPublic(a)) {
                return Optional.of(host + " resolves to non-public address " + a.getHostAddress());
            }
        }
        return Optional.empty();
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
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
