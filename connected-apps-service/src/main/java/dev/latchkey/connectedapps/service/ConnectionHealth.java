package dev.latchkey.connectedapps.service;

import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.TokenEvents.TokenExpiring;
import dev.latchkey.events.TokenEvents.TokenRefreshFailed;
import dev.latchkey.events.TokenEvents.TokenRefreshed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

/**
 * Connections' health from token-refresher's events: a refresh makes a connection ACTIVE with its new expiry; a
 * permanent failure makes it EXPIRED; repeated transient failures make it ERROR; a token that will expire
 * without a refresh shows as a warning. Every status change is a {@code connection.status_changed} event.
 */
@ApplicationScoped
public class ConnectionHealth {

    private final ConnectionRepository connections;
    private final ConnectionEventWriter events;
    private final int failuresBeforeError;

    public ConnectionHealth(ConnectionRepository connections, ConnectionEventWriter events, ConnectionsConfig config) {
        this.connections = connections;
        this.events = events;
        this.failuresBeforeError = config.refreshFailuresBeforeError();
    }

    /** Applies one event of {@code latchkey.tokens.v1}, in the consumer's transaction; other events change nothing. */
    public Uni<Void> apply(CloudEvent event) {
        EventData data = EventJson.data(event);
        if (data instanceof TokenRefreshed refreshed) {
            return change(event, refreshed.connectionId(), connection -> {
                connection.expiresAt = refreshed.expiresAt();
                connection.tokenIssuedAt = event.time();
                connection.grantedScopes = refreshed.grantedScopes().toArray(String[]::new);
                connection.refreshFailures = 0;
                connection.warning = null;
                return ConnectionStatus.ACTIVE;
            }, null);
        }
        if (data instanceof TokenRefreshFailed failed) {
            return change(event, failed.connectionId(), connection -> {
                connection.refreshFailures = failed.permanent() ? connection.refreshFailures : connection.refreshFailures + 1;
                if (failed.permanent()) {
                    return ConnectionStatus.EXPIRED;
                }
                return connection.refreshFailures >= failuresBeforeError ? ConnectionStatus.ERROR : connection.status;
            }, "refresh failed: " + failed.reason());
        }
        if (data instanceof TokenExpiring expiring) {
            return change(event, expiring.connectionId(), connection -> {
                connection.warning = "The token expires at " + expiring.expiresAt() + " and cannot be refreshed automatically:"
                        + " reauthorize the connection before then.";
                return connection.status;
            }, null);
        }
        return Uni.createFrom().voidItem();
    }

    /** Applies {@code change} (which returns the status the connection should have now) to one connection. */
    private Uni<Void> change(CloudEvent event, UUID connectionId, Function<Connection, ConnectionStatus> change, String reason) {
        return connections.findForUpdate(event.tenantid(), connectionId).chain(connection -> {
            if (connection == null || connection.status == ConnectionStatus.PENDING) {
                return Uni.createFrom().voidItem(); // deleted since, or being authorized again: the event is stale
            }
            ConnectionStatus before = connection.status;
            connection.status = change.apply(connection);
            if (connection.status != before) {
                connection.statusReason = reason;
            }
            connection.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Uni<Void> flushed = connections.flush();
            return connection.status == before ? flushed
                    : flushed.chain(() -> events.statusChanged(event.actor(), connection, before, reason));
        });
    }
}
