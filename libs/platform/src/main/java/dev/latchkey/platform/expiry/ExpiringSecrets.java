package dev.latchkey.platform.expiry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * The rows of one table whose secret ends on the date their owner gave ({@code secret_expires_at}): warned about at
 * each threshold before then ({@code expiry_warning_at} holds when the next warning is due, {@code warning} says it),
 * EXPIRED once it has passed ({@code status}, {@code status_reason}). Each step takes its rows locked and skips
 * those another replica holds, so each warning and each expiry happens once, with its event in the same transaction.
 */
public class ExpiringSecrets {

    /** A row due for a warning or its expiry: which, whose, when its secret ends, and its status now. */
    public record Due(UUID id, String tenant, Instant expiresAt, String status) {
    }

    /** Rows a step takes at once; the rest wait for the next one. */
    private static final int BATCH = 100;

    private final ExpiryThresholds thresholds;
    private final String dueWarnings;
    private final String warned;
    private final String dueExpiries;
    private final String expired;

    public ExpiringSecrets(String table, ExpiryThresholds thresholds) {
        this.thresholds = thresholds;
        String columns = "SELECT id, tenant, secret_expires_at, status FROM " + table;
        this.dueWarnings = columns + " WHERE expiry_warning_at <= now() AND secret_expires_at > now()"
                + " ORDER BY expiry_warning_at LIMIT ?1 FOR UPDATE SKIP LOCKED";
        this.warned = "UPDATE " + table + " SET expiry_warning_at = ?2, warning = ?3 WHERE id = ?1";
        this.dueExpiries = columns + " WHERE secret_expires_at <= now() AND status <> 'EXPIRED'"
                + " ORDER BY secret_expires_at LIMIT ?1 FOR UPDATE SKIP LOCKED";
        this.expired = "UPDATE " + table + " SET status = 'EXPIRED', status_reason = ?2, expiry_warning_at = NULL,"
                + " warning = NULL WHERE id = ?1";
    }

    /** When the first warning about a secret ending at {@code end} is due; null for a secret without an end. */
    public Instant firstWarning(Instant end, Instant now) {
        return end == null ? null : thresholds.first(end, now);
    }

    /** What a row says while its secret's end is near. */
    public static String warning(Instant end) {
        return "The secret expires at " + end + ": replace it before then.";
    }

    /** Why a row is EXPIRED. */
    public static String expiredReason(Instant end) {
        return "the secret expired at " + end + ": replace it";
    }

    /**
     * Sends the warnings due (up to a batch), each once, in a transaction of their own: {@code warn} writes a row's
     * event, then the row says the warning and waits for its next threshold. Returns how many went out.
     */
    public Uni<Integer> warnDue(Function<Due, Uni<Void>> warn) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> each(dueWarnings, due -> warn.apply(due).chain(() -> execute(warned, due.id(),
                time(thresholds.next(due.expiresAt(), now)), warning(due.expiresAt())))));
    }

    /**
     * Turns the rows whose secret has ended EXPIRED (up to a batch), each once, in a transaction of their own;
     * {@code expire} writes a row's event (its status before is in {@link Due#status()}). Returns how many.
     */
    public Uni<Integer> expireDue(Function<Due, Uni<Void>> expire) {
        return Panache.withTransaction(() -> each(dueExpiries, due -> expire.apply(due)
                .chain(() -> execute(expired, due.id(), expiredReason(due.expiresAt())))));
    }

    /** Takes the due rows {@code sql} selects, locked, and runs {@code step} on each in turn; returns how many. */
    private static Uni<Integer> each(String sql, Function<Due, Uni<Void>> step) {
        return take(sql, BATCH).onItem().transformToMulti(Multi.createFrom()::iterable)
                .onItem().transformToUniAndConcatenate(due -> step.apply(due).replaceWith(due))
                .collect().asList().map(List::size);
    }

    private static Uni<List<Due>> take(String sql, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter(1, limit).getResultList())
                .map(rows -> rows.stream().map(row -> {
                    Object[] columns = (Object[]) row;
                    return new Due((UUID) columns[0], (String) columns[1], instant(columns[2]), (String) columns[3]);
                }).toList());
    }

    private static Instant instant(Object column) {
        return column instanceof OffsetDateTime at ? at.toInstant() : (Instant) column;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
