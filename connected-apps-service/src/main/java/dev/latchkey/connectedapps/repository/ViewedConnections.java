package dev.latchkey.connectedapps.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.connectedapps.domain.Connection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Connections as the API shows them, one or a page, each in one statement on the reactive pool: viewers and consoles
 * poll these, and they change nothing, so they need no ORM session. Always within one tenant.
 */
@ApplicationScoped
public class ViewedConnections {

    private static final String ONE = "SELECT " + ConnectionRow.COLUMNS + " FROM connections c WHERE c.tenant = $1 AND c.id = $2";

    private final Pool pool;
    private final ObjectMapper json;

    public ViewedConnections(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The tenant's connection, or a 404: another tenant's id is as unknown as one that never existed. */
    public Uni<Connection> get(String tenant, UUID id) {
        return pool.preparedQuery(ONE).execute(Tuple.of(tenant, id)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException();
            }
            return ConnectionRow.connection(rows.iterator().next(), json);
        });
    }

    /** Up to {@code size} rows, newest first, after the cursor's position when there is one. */
    public Uni<List<Connection>> page(ConnectionFilter filter, int size) {
        ConnectionFilter.Query query = filter.query(ConnectionRow.COLUMNS, size);
        return pool.preparedQuery(query.sql()).execute(query.parameters()).map(rows -> {
            List<Connection> page = new ArrayList<>(rows.size());
            for (Row row : rows) {
                page.add(ConnectionRow.connection(row, json));
            }
            return page;
        });
    }
}
