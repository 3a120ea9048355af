package dev.latchkey.connectedapps.events;

import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.events.AccessEvents.CredentialsRead;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorizationFailed;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
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

    /** The provider authorized the connection; {@code actor} is who started the flow. */
    public Uni<Void> authorized(String actor, Connection connection, boolean refreshable) {
        return outbox.append(Topics.CONNECTIONS, EventJson.envelope(new ConnectionAuthorized(connection.id, connection.authConfigId,
                connection.environment, connection.expiresAt, List.of(connection.grantedScopes), refreshable), SOURCE,
                connection.tenant, actor));
    }

    public Uni<Void> authorizationFailed(String actor, Connection connection, String error, String description) {
        return outbox.append(Topics.CONNECTIONS, EventJson.envelope(new ConnectionAuthorizationFailed(connection.id,
                connection.authConfigId, error, description), SOURCE, connection.tenant, actor));
    }

    private Uni<Void> append(String topic, Caller caller, EventData data) {
        return outbox.append(topic, EventJson.envelope(data, SOURCE, caller.tenant(), caller.actor()));
    }
}
