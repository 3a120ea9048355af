package dev.latchkey.refresher.service;

import dev.latchkey.platform.expiry.ExpiryThresholds;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Refreshes what is due: each tick claims due connections with a lease ({@code FOR UPDATE SKIP LOCKED}, so any
 * number of replicas share the schedule without waiting on each other) and refreshes up to {@code batch-size} of
 * them at once. A refresh that ends frees its slot for the next due connection, claimed then: one slow provider
 * holds only its own slots, never a batch, and since every token request ends by its deadline
 * ({@code token-timeout}, body included), a slot is held at most that long plus the refresh's database writes.
 * Claiming only as many as there are free slots keeps a claimed connection from waiting for a slot, so the lease
 * outlives its refresh. The tick stops claiming when a claim comes back short (nothing more is due; a row released
 * without being rescheduled waits for the next tick instead of spinning) and ends when its refreshes have. Each
 * tick also sends the due {@code token.expiring} warnings.
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
        return warnDue().chain(this::refreshDue).replaceWithVoid();
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

    /** Due connections claimed for the free slots; fewer than asked means nothing more is due for now. */
    private record Claim(List<ScheduledRefresh> due, int asked) {
        boolean full() {
            return due.size() == asked;
        }
    }

    /** Refreshes what is due, at most {@code batch-size} at a time, until a claim comes back short; returns how many. */
    public Uni<Integer> refreshDue() {
        AtomicInteger running = new AtomicInteger();
        return Panache.withSession(schedule::lagSeconds).invoke(metrics::scheduleLag)
                .chain(() -> Multi.createBy().repeating().uni(() -> claim(Math.max(1, config.batchSize() - running.get())))
                        .whilst(Claim::full)
                        .onItem().transformToIterable(Claim::due)
                        .onItem().transformToUni(refresh -> refreshInASlot(refresh, running)).merge(config.batchSize())
                        .collect().with(Collectors.counting()))
                .map(Long::intValue);
    }

    private Uni<Claim> claim(int slots) {
        return Panache.withTransaction(() -> schedule.claimDue(owner, config.lease(), slots)).map(due -> new Claim(due, slots));
    }

    /** One refresh in one of the worker's slots; its failure is logged and left to the schedule's retry. */
    private Uni<ScheduledRefresh> refreshInASlot(ScheduledRefresh refresh, AtomicInteger running) {
        running.incrementAndGet();
        return onItsOwnContext(() -> refresher.refresh(refresh, owner, ACTOR)).replaceWith(refresh)
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("refresh of connection %s did not succeed: %s", refresh.connectionId(), failure.getMessage());
                    return refresh;
                })
                .eventually(running::decrementAndGet);
    }

    /** Each refresh of a batch on a Vert.x sub-context of its own: its own database session, run side by side. */
    private static <T> Uni<T> onItsOwnContext(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext();
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
