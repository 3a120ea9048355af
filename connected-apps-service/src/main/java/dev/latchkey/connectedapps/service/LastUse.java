package dev.latchkey.connectedapps.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection's last use, to the second; the version stays (reads are not edits): the first credential read of a connection in a second stamps its row, the
 * others in that second leave it be, so a connection read a thousand times a second is written once, not queued on its
 * row's lock a thousand times. The audit log keeps every read; this is when the connection was last used, for people.
 */
@ApplicationScoped
public class LastUse {

    private static final String TOUCH = "UPDATE connections SET last_used_at = now() WHERE id = $1"
            + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 second')";
    private static final long SECOND = 1_000_000_000L;
    /** Connections remembered before the ones stamped over a second ago are forgotten. */
    private static final int REMEMBERED = 10_000;

    private final Pool pool;
    private final Map<UUID, Long> stamped = new ConcurrentHashMap<>();

    public LastUse(Pool pool) {
        this.pool = pool;
    }

    /** Stamps the connection's row unless this replica stamped it less than a second ago. */
    public Uni<Void> touch(UUID connection) {
        long now = System.nanoTime();
        Long before = stamped.get(connection);
        if (before != null && now - before < SECOND || !claim(connection, before, now)) {
            return Uni.createFrom().voidItem();
        }
        if (stamped.size() > REMEMBERED) {
            stamped.values().removeIf(at -> now - at >= SECOND);
        }
        return pool.preparedQuery(TOUCH).execute(Tuple.of(connection)).replaceWithVoid();
    }

    /** Whether this read is the one that stamps: of concurrent reads in a new second, only one wins. */
    private boolean claim(UUID connection, Long before, long now) {
        return before == null ? stamped.putIfAbsent(connection, now) == null : stamped.replace(connection, before, now);
    }
}
