package dev.latchkey.refresher.service;

import dev.latchkey.refresher.config.RefresherConfig;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import dev.latchkey.refresher.events.TokenEventWriter;
import dev.latchkey.refresher.repository.ExpiryWarnings;
import dev.latchkey.refresher.repository.RefreshSchedule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Refreshes what is due: each tick takes a batch of due connections with a lease ({@code FOR UPDATE SKIP LOCKED},
 * so any number of replicas share the schedule without waiting on each other) and refreshes them concurrently.
 * A tick that finds a full batch goes on with the next one at once. Each tick also sends the due
 * {@code token.expiring} warnings.
 */
@ApplicationScoped
public class RefreshWorker {

    private static final Logger LOG = Logger.getLogger(RefreshWorker.class);
    private static final String ACTOR = "service:token-refresher";

    private final RefreshSchedule schedule;
    private final Refresher refresher;
    private final RefresherConfig config;
    private final RefreshMetrics metrics;
    private final ExpiryWarnings warnings;
    private final TokenEventWriter events;
    private final ExpiryThresholds thresholds;
    private final String owner = "worker:" + UUID.randomUUID();

    public RefreshWorker(RefreshSchedule schedule, Refresher refresher, RefresherConfig config, RefreshMetrics metrics,
            ExpiryWarnings warnings, TokenEventWriter events, ExpiryThresholds thresholds) {
        this.schedule = schedule;
        this.refresher = refresher;
        this.config = config;
        this.metrics = metrics;
        this.warnings = warnings;
        this.events = events;
        this.thresholds = thresholds;
    }

    @Scheduled(every = "${latchkey.refresher.poll-interval:5s}", delayed = "${latchkey.refresher.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return warnDue().chain(this::refreshAllDue);
    }

    private Uni<Void> refreshAllDue() {
        return refreshDue().chain(count -> count == config.batchSize() ? refreshAllDue() : Uni.createFrom().voidItem());
    }

    /** Sends the {@code token.expiring} warnings that are due, each once, and sets each one's next; returns how many. */
    public Uni<Integer> warnDue() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> warnings.takeDue(config.batchSize())
                .call(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(warning -> events.expiring(ACTOR, warning.tenant(),
                                        warning.connectionId(), warning.expiresAt())
                                .chain(() -> warnings.next(warning.connectionId(), thresholds.next(warning.expiresAt(), now))))
                        .collect().last()))
                .map(List::size);
    }

    /** Refreshes one batch of due connections; returns how many it took. */
    public Uni<Integer> refreshDue() {
        return Panache.withSession(schedule::lagSeconds).invoke(metrics::scheduleLag)
                .chain(() -> Panache.withTransaction(() -> schedule.claimDue(owner, config.lease(), config.batchSize())))
                .chain(due -> refreshAll(due).replaceWith(due.size()));
    }

    private Uni<Void> refreshAll(List<ScheduledRefresh> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndMerge(refresh -> onItsOwnContext(() -> refresher.refresh(refresh, owner, ACTOR))
                        .replaceWithVoid()
                        .onFailure().recoverWithItem(failure -> {
                            LOG.infof("refresh of connection %s did not succeed: %s", refresh.connectionId(), failure.getMessage());
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

    /** Each refresh of a batch on a Vert.x sub-context of its own: its own database session, run side by side. */
    private static <T> Uni<T> onItsOwnContext(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext();
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
