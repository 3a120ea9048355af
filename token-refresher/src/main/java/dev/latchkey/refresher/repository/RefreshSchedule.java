package dev.latchkey.refresher.repository;

import dev.latchkey.refresher.domain.RefreshScheduleEntry;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.latchkey.platform.sql.NativeStatements.execute;
import static dev.latchkey.platform.sql.NativeStatements.update;

/**
 * The refresh schedule: one row per refreshable connection. A refresh takes a connection with a lease first, so
 * exactly one refresh of it runs at a time across replicas; every change after the token request checks that the
 * lease is still its own.
 */
@ApplicationScoped
public class RefreshSchedule {

    private static final String COLUMNS = "connection_id, tenant, auth_config_id, expires_at, attempts, issued_at, refresh_at";
    private static final String SCHEDULE = """
            INSERT INTO refresh_schedule (connection_id, tenant, auth_config_id, expires_at, refresh_at, issued_at, updated_at)
            VALUES (?1, ?2, ?3, cast(?4 as timestamptz), cast(?5 as timestamptz), ?6, now())
            ON CONFLICT (connection_id) DO UPDATE SET expires_at = excluded.expires_at, refresh_at = excluded.refresh_at,
                issued_at = excluded.issued_at, attempts = 0, last_error = NULL, updated_at = now()""";
    private static final String REMOVE = "DELETE FROM refresh_schedule WHERE connection_id = ?1";
    private static final String TAKE = """
            UPDATE refresh_schedule SET lease_owner = ?2, lease_until = now() + ?3 * interval '1 millisecond'
            WHERE connection_id = ?1 AND (lease_until IS NULL OR lease_until < now())
            RETURNING\s""" + COLUMNS;
    /** Due rows nobody holds, oldest due first; rows another worker is claiming right now are skipped, not waited for. */
    private static final String CLAIM_DUE = """
            UPDATE refresh_schedule SET lease_owner = ?1, lease_until = now() + ?2 * interval '1 millisecond'
            WHERE connection_id IN (
                SELECT connection_id FROM refresh_schedule
                WHERE refresh_at <= now() AND (lease_until IS NULL OR lease_until < now())
                ORDER BY refresh_at LIMIT ?3 FOR UPDATE SKIP LOCKED)
            RETURNING\s""" + COLUMNS;
    private static final String REFRESHED = """
            UPDATE refresh_schedule SET expires_at = cast(?3 as timestamptz), refresh_at = cast(?4 as timestamptz), issued_at = now(), attempts = 0,
                last_error = NULL, lease_owner = NULL, lease_until = NULL, updated_at = now()
            WHERE connection_id = ?1 AND lease_owner = ?2""";
    private static final String FAILED = """
            UPDATE refresh_schedule SET attempts = ?3, refresh_at = cast(?4 as timestamptz), last_error = ?5, lease_owner = NULL, lease_until = NULL,
                updated_at = now()
            WHERE connection_id = ?1 AND lease_owner = ?2""";
    private static final String POSTPONE = """
            UPDATE refresh_schedule SET refresh_at = ?3, lease_owner = NULL, lease_until = NULL, updated_at = now()
            WHERE connection_id = ?1 AND lease_owner = ?2""";
    private static final String LAG = """
            SELECT coalesce(extract(epoch FROM now() - min(refresh_at)), 0) FROM refresh_schedule
            WHERE refresh_at <= now() AND (lease_until IS NULL OR lease_until < now())""";
    private static final String RELEASE = """
            UPDATE refresh_schedule SET lease_owner = NULL, lease_until = NULL WHERE connection_id = ?1 AND lease_owner = ?2""";

    /** Schedules a connection's next refresh ({@code refreshAt} null: nothing to refresh until told). */
    public Uni<Void> schedule(ScheduledRefresh refresh, Instant refreshAt) {
        return execute(SCHEDULE, refresh.connectionId(), refresh.tenant(), refresh.authConfigId(), time(refresh.expiresAt()),
                time(refreshAt), time(refresh.issuedAt()));
    }

    public Uni<Void> remove(UUID connectionId) {
        return execute(REMOVE, connectionId);
    }

    /** The row, or null when the connection is not one this service refreshes. */
    public Uni<ScheduledRefresh> find(UUID connectionId) {
        return Panache.getSession().chain(session -> session.find(RefreshScheduleEntry.class, connectionId))
                .map(entry -> entry == null ? null : entry.refresh());
    }

    /** Takes the connection for {@code owner} for {@code lease}; null when another holds it (or there is no row). */
    public Uni<ScheduledRefresh> take(UUID connectionId, String owner, Duration lease) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE).setParameter(1, connectionId)
                        .setParameter(2, owner).setParameter(3, lease.toMillis()).getResultList())
                .map(rows -> rows.isEmpty() ? null : of((Object[]) rows.get(0)));
    }

    /** Takes up to {@code batch} due connections for {@code owner}, each for {@code lease}. */
    public Uni<List<ScheduledRefresh>> claimDue(String owner, Duration lease, int batch) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM_DUE).setParameter(1, owner)
                        .setParameter(2, lease.toMillis()).setParameter(3, batch).getResultList())
                .map(rows -> rows.stream().map(row -> of((Object[]) row)).toList());
    }

    /** Records a refresh and frees the connection; false when the lease was no longer {@code owner}'s. */
    public Uni<Boolean> refreshed(UUID connectionId, String owner, Instant expiresAt, Instant refreshAt) {
        return updated(REFRESHED, connectionId, owner, time(expiresAt), time(refreshAt));
    }

    /** Records a transient failure and when to try again, and frees the connection. */
    public Uni<Boolean> failed(UUID connectionId, String owner, int attempts, Instant retryAt, String error) {
        return updated(FAILED, connectionId, owner, attempts, time(retryAt), error);
    }

    /** Frees the connection untried, due again at {@code until} (its provider is paused); its attempts stay. */
    public Uni<Void> postpone(UUID connectionId, String owner, Instant until) {
        return execute(POSTPONE, connectionId, owner, time(until));
    }

    /** How long the oldest due refresh nobody holds has waited, in seconds; 0 when none waits. */
    public Uni<Long> lagSeconds() {
        return Panache.getSession().chain(session -> session.createNativeQuery(LAG).getSingleResult())
                .map(seconds -> ((Number) seconds).longValue());
    }

    public Uni<Void> release(UUID connectionId, String owner) {
        return execute(RELEASE, connectionId, owner);
    }

    private static Uni<Boolean> updated(String sql, Object... parameters) {
        return update(sql, parameters).map(updated -> updated == 1);
    }

    private static ScheduledRefresh of(Object[] row) {
        return new ScheduledRefresh((UUID) row[0], (String) row[1], (UUID) row[2], instant(row[3]), ((Number) row[4]).intValue(),
                instant(row[5]), instant(row[6]));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
