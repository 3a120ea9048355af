package dev.latchkey.connectedapps.service;

import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.Leftovers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Removes what outlived its use, every {@code latchkey.connections.purge-interval} (1h): authorization requests past
 * their life (and with them the PKCE verifiers they hold), connect sessions a day past theirs, and connections left
 * PENDING, never authorized, for {@code latchkey.connections.pending-lifetime} (24h), each with a
 * {@code connection.deleted} event so that every service forgets it too. A connection that once held tokens is never
 * removed here, whatever its status. Every replica runs it; each row goes once.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final String ACTOR = "service:connected-apps-service";
    private static final Duration SESSION_GRACE = Duration.ofDays(1);
    private static final int BATCH = 500;

    private final Leftovers leftovers;
    private final ConnectionEventWriter events;
    private final Duration pendingLifetime;

    public Housekeeping(Leftovers leftovers, ConnectionEventWriter events, ConnectionsConfig config) {
        this.leftovers = leftovers;
        this.events = events;
        this.pendingLifetime = config.pendingLifetime();
    }

    /** What one purge removed. */
    public record Purged(int authorizations, int connectSessions, int connections) {
    }

    @Scheduled(every = "${latchkey.connections.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purge(Instant.now()).invoke(purged -> LOG.debugf("housekeeping removed %s", purged)).replaceWithVoid();
    }

    /** Removes what had outlived its use at {@code now}. */
    public Uni<Purged> purge(Instant now) {
        return Panache.withTransaction(() -> leftovers.removeAuthorizations(now)
                        .chain(authorizations -> leftovers.removeConnectSessions(now.minus(SESSION_GRACE))
                                .map(sessions -> new Purged(authorizations, sessions, 0))))
                .chain(purged -> abandoned(now.minus(pendingLifetime))
                        .map(connections -> new Purged(purged.authorizations(), purged.connectSessions(), connections)));
    }

    /** Batch after batch, each batch's deletions and events in one transaction. */
    private Uni<Integer> abandoned(Instant cutoff) {
        return Panache.withTransaction(() -> leftovers.removeAbandoned(cutoff, BATCH)
                        .call(removed -> Multi.createFrom().iterable(removed)
                                .onItem().transformToUniAndConcatenate(connection -> events.purged(ACTOR, connection))
                                .collect().last()))
                .chain(removed -> removed.size() == BATCH
                        ? abandoned(cutoff).map(more -> more + BATCH) : Uni.createFrom().item(removed.size()));
    }
}
