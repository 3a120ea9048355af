package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.oauth.TokenResponse;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.connectedapps.repository.ConnectionRepository;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;

/** Puts the tokens a provider issued on a connection: the secrets to the store, the rest on the row, then ACTIVE. */
@ApplicationScoped
public class ConnectionTokens {

    private final ConnectionRepository connections;
    private final SecretStore secrets;
    private final ConnectionEventWriter events;
    private final StoredCredentials stored;

    public ConnectionTokens(ConnectionRepository connections, SecretStore secrets, ConnectionEventWriter events,
            StoredCredentials stored) {
        this.connections = connections;
        this.secrets = secrets;
        this.events = events;
        this.stored = stored;
    }

    /**
     * Stores the tokens of an existing connection (after the newest version of its secret) and publishes it
     * authorized; the tokens it replaces are erased once the row refers to the new ones.
     */
    Uni<Connection> store(Connection pending, String actor, TokenResponse response) {
        SecretPath path = SecretPath.connection(pending.tenant, pending.id);
        return secrets.versions(path)
                .chain(versions -> secrets.write(path, response.secretFields(), versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version()))
                .chain(version -> Panache.withTransaction(() -> connections.findForUpdate(pending.tenant, pending.id).call(connection -> {
                    apply(connection, response, version);
                    return connections.flush().call(() -> events.authorized(actor, connection, refreshable(connection, response)));
                })))
                .invoke(() -> stored.forget(pending.id))
                .call(connection -> secrets.prune(path, connection.secretVersion));
    }

    /** The token response's effect on the row: secret version and names, expiry, granted scopes, provider extras. */
    static void apply(Connection connection, TokenResponse response, long secretVersion) {
        connection.status = ConnectionStatus.ACTIVE;
        connection.secretVersion = secretVersion;
        connection.secretFields = response.secretFields().keySet().toArray(String[]::new);
        connection.expiresAt = response.expiresAt();
        connection.tokenIssuedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        connection.grantedScopes = response.grantedScopes().toArray(String[]::new);
        connection.config = new LinkedHashMap<>(connection.config);
        connection.config.putAll(response.metadata());
        connection.statusReason = null;
        connection.refreshFailures = 0;
        connection.warning = null;
        connection.missingScopes = new String[0];
        connection.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A token the client gets alone (client credentials, JWT bearer) is fetched anew; authorization code needs a refresh token. */
    static boolean refreshable(Connection connection, TokenResponse response) {
        return AuthType.of(connection.authType).withoutUser() || response.secretFields().containsKey("refreshToken");
    }
}
