package dev.latchkey.refresher.service;

import dev.latchkey.oauth.RefreshOutcome;
import dev.latchkey.platform.problem.UpstreamException;
import dev.latchkey.refresher.config.RefresherConfig;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import dev.latchkey.refresher.repository.RefreshSchedule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A refresh a caller waits for, single-flight: callers on this replica share one attempt; across replicas the
 * connection's lease lets one refresh run while the others wait for it to end and take its result. A token
 * obtained since the caller asked, or not yet due ({@link RefreshMargins}), is not refreshed again; one the caller
 * says an API refused is refreshed though not due (the provider revoked it early), unless obtained since.
 */
@ApplicationScoped
public class OnDemandRefresh {

    private static final Duration POLL = Duration.ofMillis(150);

    private final RefreshSchedule schedule;
    private final Refresher refresher;
    private final RefresherConfig config;
    private final String owner = "on-demand:" + UUID.randomUUID();
    /** Attempts under way, by connection and whether an API refused its token. */
    private final Map<String, Uni<RefreshOutcome>> inFlight = new ConcurrentHashMap<>();

    public OnDemandRefresh(RefreshSchedule schedule, Refresher refresher, RefresherConfig config) {
        this.schedule = schedule;
        this.refresher = refresher;
        this.config = config;
    }

    /** @throws NotFoundException when the connection is not one of {@code tenant}'s that this service refreshes */
    public Uni<RefreshOutcome> refresh(String tenant, UUID connectionId, String actor, boolean refused) {
        Context caller = Vertx.currentContext();
        Instant asked = Instant.now();
        return Panache.withSession(() -> schedule.find(connectionId))
                .chain(found -> found == null || !found.tenant().equals(tenant) ? Uni.createFrom().failure(new NotFoundException())
                        : shared(new Asked(connectionId, actor, asked, refused), caller));
    }

    /** What a caller asked for: a refresh of the connection's token, when, and whether an API refused the token. */
    private record Asked(UUID connectionId, String actor, Instant at, boolean refused) {

        boolean answeredBy(ScheduledRefresh refresh) {
            return refused ? RefreshMargins.obtainedSince(refresh, at) : RefreshMargins.fresh(refresh, at);
        }
    }

    private Uni<RefreshOutcome> shared(Asked asked, Context caller) {
        String key = asked.connectionId() + (asked.refused() ? ":refused" : "");
        Uni<RefreshOutcome> shared = inFlight.computeIfAbsent(key, ignored -> attempt(asked, asked.at().plus(config.onDemandWait()))
                .onTermination().invoke(() -> inFlight.remove(key))
                .memoize().indefinitely());
        // The attempt runs on the first caller's context; each caller carries on on its own.
        return caller == null ? shared : shared.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    private Uni<RefreshOutcome> attempt(Asked asked, Instant deadline) {
        UUID connectionId = asked.connectionId();
        return Panache.withTransaction(() -> schedule.take(connectionId, owner, config.lease())).chain(taken -> {
            if (taken != null) {
                return asked.answeredBy(taken) ? Panache.withTransaction(() -> schedule.release(connectionId, owner))
                        .replaceWith(new RefreshOutcome(connectionId, taken.expiresAt(), false))
                        : refresher.refresh(taken, owner, asked.actor());
            }
            return Panache.withSession(() -> schedule.find(connectionId)).chain(existing -> {
                if (existing == null) {
                    return Uni.createFrom().failure(new NotFoundException());
                }
                if (Instant.now().isAfter(deadline)) {
                    return asked.answeredBy(existing) ? Uni.createFrom().item(new RefreshOutcome(connectionId, existing.expiresAt(), false))
                            : Uni.createFrom().failure(new UpstreamException(
                                    "Another refresh of this connection did not finish in time; try again shortly."));
                }
                // Another replica holds the lease: wait for it, then take its result (or the lease, if it gave up).
                return pause().chain(() -> attempt(asked, deadline));
            });
        });
    }

    /** A short wait that ends on the current Vert.x context, where the next database session must start. */
    private static Uni<Void> pause() {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(POLL.toMillis(), timer -> emitter.complete(null)));
    }
}
