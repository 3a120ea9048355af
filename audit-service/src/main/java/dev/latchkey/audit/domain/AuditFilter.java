package dev.latchkey.audit.domain;

import java.time.Instant;
import java.util.List;

/**
 * Which of a tenant's audit entries a query wants. Null fields do not filter. {@code actor} is {@code type:id}
 * ({@code user:alice}) or a bare id; {@code action} is a name ({@code connection.authorized}) or a prefix ending in
 * {@code .*} ({@code connection.*}); {@code from} (inclusive) and {@code to} (exclusive) bound when it occurred.
 */
public record AuditFilter(String tenant, String actor, String action, String targetType, String targetId, String outcome,
        String environment, Instant from, Instant to) {

    /** The SQL condition, its parameters appended to {@code parameters} ({@code $n} numbered after those already there). */
    public String where(List<Object> parameters) {
        StringBuilder where = new StringBuilder("tenant = ").append(parameter(parameters, tenant));
        if (actor != null) {
            int colon = actor.indexOf(':');
            if (colon > 0) {
                where.append(" AND actor_type = ").append(parameter(parameters, actor.substring(0, colon)));
            }
            where.append(" AND actor_id = ").append(parameter(parameters, actor.substring(colon + 1)));
        }
        if (action != null && action.endsWith(".*")) {
            String prefix = action.substring(0, action.length() - 1).replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
            where.append(" AND action LIKE ").append(parameter(parameters, prefix + "%"));
        } else if (action != null) {
            where.append(" AND action = ").append(parameter(parameters, action));
        }
        equal(where, parameters, "target_type", targetType);
        equal(where, parameters, "target_id", targetId);
        equal(where, parameters, "outcome", outcome);
        equal(where, parameters, "environment", environment);
        if (from != null) {
            where.append(" AND occurred_at >= ").append(parameter(parameters, AuditTime.of(from)));
        }
        if (to != null) {
            where.append(" AND occurred_at < ").append(parameter(parameters, AuditTime.of(to)));
        }
        return where.toString();
    }

    private static void equal(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ").append(parameter(parameters, value));
        }
    }

    private static String parameter(List<Object> parameters, Object value) {
        parameters.add(value);
        return "$" + parameters.size();
    }
}
