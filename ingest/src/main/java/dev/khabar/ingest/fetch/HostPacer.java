package dev.khabar.ingest.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most one request per host at a time, and at least {@code delay} between the end of one
 * request and the start of the next to the same host.
 */
public final class HostPacer {

    private final ConcurrentHashMap<String, HostSlot> slots = new ConcurrentHashMap<>();

    private static final class HostSlot {
        final ReentrantLock lock = new ReentrantLock();
        /** Written under {@link #lock}; volatile so that {@link HostPacer#readyIn} may read it without the lock. */
        volatile long nextAllowedNanos;
    }

    /** A held turn on one host; closing it releases the host and starts the delay. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** Keeps every request to {@code host} back for {@code pause} (Retry-After, backoff). */
    public void pause(String host, Duration pause) {
        HostSlot slot = slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new HostSlot());
        slot.lock.lock();
        try {
            slot.nextAllowedNanos = Math.max(slot.nextAllowedNanos, System.nanoTime() + pause.toNanos());
        } finally {
            slot.lock.unlock();
        }
    }

    /** How long a request to {@code host} would wait now for its turn (crawl-delay, pause); zero if none. */
    public Duration readyIn(String host) {
        HostSlot slot = slots.get(host.toLowerCase(Locale.ROOT));
        long wait = slot == null ? 0 : slot.nextAllowedNanos - System.nanoTime();
        return wait > 0 ? Duration.ofNanos(wait) : Duration.ZERO;
    }

    public Turn awaitTurn(String host, Duration delay) throws InterruptedException {
        HostSlot slot = slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new HostSlot());
        slot.lock.lockInterruptibly();
        long wait = slot.nextAllowedNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                slot.lock.unlock();
                throw e;
            }
        }
        return () -> {
            slot.nextAllowedNanos = Math.max(slot.nextAllowedNanos, System.nanoTime() + delay.toNanos());
            slot.lock.unlock();
        };
    }
}
