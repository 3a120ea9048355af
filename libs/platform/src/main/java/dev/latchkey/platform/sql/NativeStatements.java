package dev.latchkey.platform.sql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Set-based SQL (locks, {@code UPDATE … WHERE}, {@code ON CONFLICT}) that Panache's entity operations cannot
 * express, run through the current Hibernate Reactive session so it joins the caller's transaction.
 */
public final class NativeStatements {

    private NativeStatements() {
    }

    /** Runs a native SQL statement with positional parameters ({@code ?1}, ...) in the current transaction. */
    public static Uni<Void> execute(String sql, Object... parameters) {
        return update(sql, parameters).replaceWithVoid();
    }

    /** Like {@link #execute}; returns how many rows the statement changed. */
    public static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }
}
