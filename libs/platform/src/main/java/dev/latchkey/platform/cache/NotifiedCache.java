package dev.latchkey.platform.cache;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values read from the database, kept in this replica's memory while the database says they have not changed: the
 * notification of a change ({@link ChannelListener}) forgets the values it touches. A value read is kept only
 * <ul>
 * <li>while notifications are heard ({@link #trust()} to {@link #distrust()}): one sent while the LISTEN connection
 * was down is lost for good;</li>
 * <li>if no change was heard while it was being read: a read that raced a change may hold the state from before;</li>
 * <li>for at most {@code maxAge} from when its read began: a notification lost without the connection noticing it
 * is down costs at most that;</li>
 * <li>while fewer than {@code maxEntries} are kept: beyond that, reads go to the database.</li>
 * </ul>
 * Concurrent readers of a key that is not kept share one read, begun after the last change heard of it: a thousand
 * readers of a cold key make one round trip, not a thousand. Kept values are shared by every reader: they must never
 * be changed.
 */
public final class NotifiedCache<K, V> {

    private record Kept<V>(V value, long readFrom) {
    }

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Map<K, Uni<V>> reading = new ConcurrentHashMap<>();
    /** Counts what was forgotten, so a read that a change overtook is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private final int maxEntries;
    private final long maxAgeNanos;
    private volatile boolean trusted;

    public NotifiedCache(int maxEntries, Duration maxAge) {
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /**
     * The kept value, or what {@code read} reads (kept if it may be), or what a read of the key under way reads. A
     * failed read keeps nothing.
     */
    public Uni<V> get(K key, Supplier<Uni<V>> read) {
        Kept<V> hit = trusted ? kept.get(key) : null;
        if (hit != null && System.nanoTime() - hit.readFrom() < maxAgeNanos) {
            return Uni.createFrom().item(hit.value());
        }
        return reading.computeIfAbsent(key, absent -> {
            long readFrom = System.nanoTime();
            long changesBefore = changes.get();
            // Removes a newer read too, should a change have started one: that only costs a read more.
            return read.get()
                    .invoke(value -> keep(key, new Kept<>(value, readFrom), changesBefore))
                    .onTermination().invoke(() -> reading.remove(key))
                    .memoize().indefinitely();
        });
    }

    private void keep(K key, Kept<V> value, long changesBefore) {
        if (!trusted || changes.get() != changesBefore || kept.size() >= maxEntries && !kept.containsKey(key)) {
            return;
        }
        kept.put(key, value);
        // A change heard between the check and the put forgot the key before this put it back.
        if (changes.get() != changesBefore) {
            kept.remove(key, value);
        }
    }

    /** The value at {@code key} changed. */
    public void forget(K key) {
        changes.incrementAndGet();
        reading.remove(key);
        kept.remove(key);
    }

    /** Every value that {@code changed} matches changed. */
    public void forgetIf(Predicate<V> changed) {
        changes.incrementAndGet();
        reading.clear();
        kept.values().removeIf(value -> changed.test(value.value()));
    }

    /** Notifications are heard from now on: what was kept before may have missed some, so it goes. */
    public void trust() {
        forgetAll();
        trusted = true;
    }

    /** Notifications may be missed from now on: nothing is kept or served until {@link #trust()}. */
    public void distrust() {
        trusted = false;
        forgetAll();
    }

    public int size() {
        return kept.size();
    }

    private void forgetAll() {
        changes.incrementAndGet();
        reading.clear();
        kept.clear();
    }
}
