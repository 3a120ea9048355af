package dev.latchkey.connectedapps.events;

import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.events.AccessEvents.CredentialsRead;
import dev.latchkey.events.ConnectionEvents.AllowedOriginsChanged;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorizationFailed;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.ConnectionEvents.ConnectionSecretExpiring;
import dev.latchkey.events.ConnectionEvents.ConnectionStatusChanged;
import dev.latchkey.events.ConnectionEvents.ConnectionTested;
import dev.latchkey.events.ConnectionEvents.ConnectionUpdated;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventSource;
import dev.latchkey.events.Topics;
import dev.latchkey.platform.expiry.ExpiringSecrets;
import dev.latchkey.platform.outbox.Outbox;
import dev.latchkey.platform.outbox.OutboxBatcher;
import dev.latchkey.platform.security.Caller;
import dev.latchkey.probes.ProbeResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;

/** Writes connection and access events to the outbox, inside the transaction of what they report, or batched for reads. */
@ApplicationScoped
public class ConnectionEventWriter {

    private static final URI SOURCE = EventSource.CONNECTED_APPS_SERVICE.uri();

    private final Outbox outbox;
    private final OutboxBatcher batcher;

    public ConnectionEventWriter(Outbox outbox, OutboxBatcher batcher) {
        this.outbox = outbox;
        this.batcher = batcher;
    }

    public Uni<Void> created(String actor, Connection connection) {
        return append(Topics.CONNECTIONS, actor, null, connection, new ConnectionCreated(connection.id, connection.authConfigId,
                connection.name, connection.environment, connection.endUserId, connection.authType, connection.status.name(),
                connection.provider, connection.config, connection.secretVersion));
    }

    public Uni<Void> updated(Caller caller, Connection connection, List<String> changedFields) {
        return append(Topics.CONNECTIONS, caller.actor(), caller.name(), connection, new ConnectionUpdated(connection.id, changedFields,
                connection.config, connection.secretVersion));
    }

    public Uni<Void> deleted(Caller caller, Connection connection, boolean tokenRevoked) {
        return append(Topics.CONNECTIONS, caller.actor(), caller.name(), connection,
                new ConnectionDeleted(connection.id, connection.authConfigId, tokenRevoked));
    }

    /** A connection housekeeping removed: never authorized, long abandoned. */
    public Uni<Void> purged(String actor, Connection connection) {
        return append(Topics.CONNECTIONS, actor, null, connection, new ConnectionDeleted(connection.id, connection.authConfigId, false));
    }

    /** A credentials read changes no state: its event commits with concurrent reads' ones ({@link OutboxBatcher}). */
    public Uni<Void> credentialsRead(Caller caller, Connection connection, boolean refreshed) {
        return batcher.append(Topics.ACCESS, EventJson.envelope(new CredentialsRead(connection.id, connection.environment, refreshed),
                SOURCE, connection.tenant, caller.actor(), caller.name()));
    }

    public Uni<Void> tested(Caller caller, Connection connection, ProbeResult result) {
        return append(Topics.CONNECTIONS, caller.actor(), caller.name(), connection, new ConnectionTested(connection.id, result.ok(), null,
                result.latencyMs(), result.message()));
    }

    /** The provider authorized the connection; {@code actor} is who started the flow. */
    public Uni<Void> authorized(String actor, Connection connection, boolean refreshable) {
        return append(Topics.CONNECTIONS, actor, null, connection, new ConnectionAuthorized(connection.id, connection.authConfigId,
                connection.environment, connection.expiresAt, List.of(connection.grantedScopes), refreshable, connection.config));
    }

    public Uni<Void> authorizationFailed(String actor, Connection connection, String error, String description) {
        return append(Topics.CONNECTIONS, actor, null, connection,
                new ConnectionAuthorizationFailed(connection.id, connection.authConfigId, error, description));
    }

    public Uni<Void> statusChanged(String actor, Connection connection, ConnectionStatus from, String reason) {
        return append(Topics.CONNECTIONS, actor, null, connection,
                new ConnectionStatusChanged(connection.id, from.name(), connection.status.name(), reason));
    }

    /** Its own secret's end passed: EXPIRED, as the expiry watch (no person) saw it. */
    public Uni<Void> expired(String actor, ExpiringSecrets.Due due) {
        return outbox.append(Topics.CONNECTIONS, EventJson.envelope(new ConnectionStatusChanged(due.id(), due.status(),
                ConnectionStatus.EXPIRED.name(), ExpiringSecrets.expiredReason(due.expiresAt())), SOURCE, due.tenant(), actor));
    }

    /** Its own secret's end is near. */
    public Uni<Void> secretExpiring(String actor, ExpiringSecrets.Due due) {
        return outbox.append(Topics.CONNECTIONS, EventJson.envelope(new ConnectionSecretExpiring(due.id(), due.expiresAt()),
                SOURCE, due.tenant(), actor));
    }

    public Uni<Void> allowedOriginsChanged(Caller caller, List<String> origins) {
        return outbox.append(Topics.CONNECTIONS, EventJson.envelope(new AllowedOriginsChanged(caller.tenant(), origins), SOURCE,
                caller.tenant(), caller.actor(), caller.name()));
    }

    /** {@code actorName}: the caller's display name, null for flows and services that act without a signed-in user. */
    private Uni<Void> append(String topic, String actor, String actorName, Connection connection, EventData data) {
        return outbox.append(topic, EventJson.envelope(data, SOURCE, connection.tenant, actor, actorName));
    }
}
