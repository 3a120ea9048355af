package dev.latchkey.connectedapps.events;

import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.events.AccessEvents.CredentialsRead;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.ConnectionEvents.ConnectionUpdated;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.Topics;
import dev.latchkey.platform.outbox.Outbox;
import dev.latchkey.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;

/** Writes connection and access events to the outbox, inside the transaction of what they report. */
@ApplicationScoped
public class ConnectionEventWriter {

    private static final URI SOURCE = URI.create("/latchkey/connected-apps-service");

    private final Outbox outbox;

    public ConnectionEventWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> created(Caller caller, Connection connection) {
        return append(Topics.CONNECTIONS, caller, new ConnectionCreated(connection.id, connection.authConfigId, connection.name,
                connection.environment, connection.endUserId, connection.authType, connection.status.name()));
    }

    public Uni<Void> updated(Caller caller, Connection connection, List<String> changedFields) {
        return append(Topics.CONNECTIONS, caller, new ConnectionUpdated(connection.id, changedFields));
    }

    public Uni<Void> deleted(Caller caller, Connection connection) {
        return append(Topics.CONNECTIONS, caller, new ConnectionDeleted(connection.id, connection.authConfigId));
    }

    public Uni<Void> credentialsRead(Caller caller, Connection connection) {
        return append(Topics.ACCESS, caller, new CredentialsRead(connection.id, connection.environment, false));
    }

    private Uni<Void> append(String topic, Caller caller, EventData data) {
        return outbox.append(topic, EventJson.envelope(data, SOURCE, caller.tenant(), caller.actor()));
    }
}
