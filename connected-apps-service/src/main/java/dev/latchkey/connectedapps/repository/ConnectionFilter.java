package dev.latchkey.connectedapps.repository;

import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.platform.paging.Keyset;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A list's filters (each optional) and the keyset position of the previous page's last item. */
public record ConnectionFilter(String tenant, String provider, UUID authConfigId, String environment,
                               ConnectionStatus status, String endUserId, Keyset after) {

    /** A statement and its parameters. */
    record Query(String sql, Tuple parameters) {
    }

    /** The page's statement: {@code columns} of the tenant's connections that match, newest first, at most {@code size}. */
    Query query(String columns, int size) {
        List<String> conditions = new ArrayList<>();
        Tuple parameters = Tuple.tuple();
        condition(conditions, parameters, "c.tenant = $%d", tenant);
        condition(conditions, parameters, "c.provider = $%d", provider);
        condition(conditions, parameters, "c.auth_config_id = $%d", authConfigId);
        condition(conditions, parameters, "c.environment = $%d", environment);
        condition(conditions, parameters, "c.status = $%d", status == null ? null : status.name());
        condition(conditions, parameters, "c.end_user_id = $%d", endUserId);
        if (after != null) {
            parameters.addValue(OffsetDateTime.ofInstant(after.instant(), ZoneOffset.UTC)).addValue(after.id());
            conditions.add("(c.created_at, c.id) < ($%d, $%d)".formatted(parameters.size() - 1, parameters.size()));
        }
        parameters.addValue(size);
        String sql = "SELECT " + columns + " FROM connections c WHERE " + String.join(" AND ", conditions)
                + " ORDER BY c.created_at DESC, c.id DESC LIMIT $" + parameters.size();
        return new Query(sql, parameters);
    }

    /** Adds {@code condition}, numbered as the next parameter, when there is a value to compare with. */
    private static void condition(List<String> conditions, Tuple parameters, String condition, Object value) {
        if (value != null) {
            parameters.addValue(value);
            conditions.add(condition.formatted(parameters.size()));
        }
    }
}
