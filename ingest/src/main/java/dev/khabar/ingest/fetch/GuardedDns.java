package dev.khabar.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;

/**
 * The HTTP client's name resolution, through the address guard: the client connects only to
 * addresses this look-up answered and the guard accepted, so a name cannot answer a public
 * address to the fetcher's check and a private one to the connection (DNS rebinding).
 *
 * <p>One instance per private scope: the client keys its pooled connections by their resolver, so
 * a connection opened under one scope is never reused under another. No {@code equals}: identity.
 */
final class GuardedDns implements Dns {

    private final AddressGuard guard;
    private final URI privateScope;

    /** @param privateScope whose host's non-public addresses may be reached, or null for none */
    GuardedDns(AddressGuard guard, URI privateScope) {
        this.guard = guard;
        this.privateScope = privateScope;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        InetAddress[] addresses = guard.resolve(hostname);
        Optional<String> refusal = guard.findRefusal(hostname, -1, addresses, privateScope);
        if (refusal.isPresent()) {
            throw new RefusedAddressException(refusal.get());
        }
        return List.of(addresses);
    }

    /** The guard refused the address a name resolved to, or the one a connection reached. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String why) {
            super(why);
        }
    }
}
