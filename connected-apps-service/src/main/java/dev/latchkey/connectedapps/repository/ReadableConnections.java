package dev.latchkey.connectedapps.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.UUID;

/**
 * A connection and its live auth config as a credential read needs them, in one statement on the reactive pool: the
 * hot path of the service, read on every step of every workflow, so no ORM session and no second round trip. The
 * connection is detached ({@link ConnectionRow}); of the auth config it holds what a read uses (plain fields, the
 * names of sealed ones). Neither is ever saved.
 */
@ApplicationScoped
public class ReadableConnections {

    private static final String READ = "SELECT " + ConnectionRow.COLUMNS + """
            , a.id AS known_id, a.config::text AS known_config, a.sealed_fields
            FROM connections c
            LEFT JOIN auth_configs a ON a.tenant = c.tenant AND a.id = c.auth_config_id AND NOT a.deleted
            WHERE c.id = $1""";

    private final Pool pool;
    private final ObjectMapper json;

    public ReadableConnections(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A connection and its auth config as a read needs them. */
    public record Readable(Connection connection, KnownAuthConfig authConfig) {
    }

    /**
     * The connection with its auth config (null when deleted or retired), or a 404; whichever tenant it is in: the
     * caller checks that it is its own.
     */
    public Uni<Readable> get(UUID id) {
        return pool.preparedQuery(READ).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException();
            }
            Row row = rows.iterator().next();
            return new Readable(ConnectionRow.connection(row, json), row.getUUID("known_id") == null ? null : authConfig(row));
        });
    }

    private KnownAuthConfig authConfig(Row row) {
        var authConfig = new KnownAuthConfig();
        authConfig.id = row.getUUID("known_id");
        authConfig.tenant = row.getString("tenant");
        authConfig.config = ConnectionRow.fields(json, row.getString("known_config"));
        authConfig.sealedFields = row.getArrayOfStrings("sealed_fields");
        return authConfig;
    }
}
