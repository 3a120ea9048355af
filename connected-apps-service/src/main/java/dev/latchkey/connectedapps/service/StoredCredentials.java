package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.connectedapps.repository.ReadableConnections;
import dev.latchkey.connectedapps.repository.ReadableConnections.Readable;
import dev.latchkey.knownauthconfigs.ConnectionFields;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import dev.latchkey.knownauthconfigs.KnownAuthConfigRepository;
import dev.latchkey.platform.cache.ChannelListener;
import dev.latchkey.platform.cache.NotifiedCache;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.sql.ListenConnection;
import dev.latchkey.secrets.ChangeChannels;
import dev.latchkey.secrets.SecretNotFoundException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.secrets.SecretsConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Connections' credentials as stored (the auth config's fields overridden by the connection's own, or an OAuth2
 * account's access token), kept in this replica's memory between changes so that a read asks the database nothing.
 * PostgreSQL tells every replica what changed: triggers on {@code connections} (anything but the last use) and on
 * the known {@code auth_configs} notify {@code <schema>_changes}, the shared secret store's trigger notifies
 * {@code <secrets schema>_changes}, each with the path of what changed ({@code tenants/{tenant}/{kind}/{id}}, the
 * form of a {@link SecretPath}). See {@link NotifiedCache} for when a kept read is not served.
 * <p>
 * With the Vault backend secrets' changes are not notified: a connection's secret versions never change, a token is
 * replaced together with its row's expiry, and an auth config's rotated secret arrives with its
 * {@code auth_config.updated} event.
 */
@ApplicationScoped
public class StoredCredentials implements ChannelListener.Listener {

    private static final Logger LOG = Logger.getLogger(StoredCredentials.class);
    private static final Duration LISTEN_RETRY = Duration.ofSeconds(1);

    /**
     * A connection and its credentials as stored: none unless it is ACTIVE, none either when they cannot be had
     * ({@code unavailable} says why: its auth config or stored secret is gone). Shared by readers, never changed.
     */
    public record Stored(Connection connection, ConnectionCredentials credentials, String unavailable) {

        void refuseIfUnavailable() {
            if (unavailable != null) {
                throw new ConflictException(unavailable);
            }
        }
    }

    private final ReadableConnections readable;
    private final KnownAuthConfigRepository authConfigs;
    private final SecretStore secrets;
    private final ConnectionFields fields;
    private final NotifiedCache<UUID, Stored> kept;
    private final ChannelListener changes;

    public StoredCredentials(ReadableConnections readable, KnownAuthConfigRepository authConfigs, SecretStore secrets,
            ConnectionFields fields, ConnectionsConfig config, SecretsConfig secretsConfig, Vertx vertx, ListenConnection listenConnection,
            @ConfigProperty(name = "latchkey.schema") String schema) {
        this.readable = readable;
        this.authConfigs = authConfigs;
        this.secrets = secrets;
        this.fields = fields;
        this.kept = new NotifiedCache<>(config.readCacheEntries(), config.readCacheMaxAge());
        this.changes = new ChannelListener(vertx.getDelegate(), listenConnection.options(),
                ChangeChannels.of(schema, secretsConfig), this, LISTEN_RETRY);
    }

    void start(@Observes StartupEvent startup) {
        changes.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        changes.stop();
    }

    /**
     * The tenant's connection and its credentials, kept or read; a 404 when the tenant has no such connection. What
     * is kept (or being read) is a connection's whichever tenant asks, so this is where another tenant's is refused.
     */
    public Uni<Stored> get(String tenant, UUID id) {
        return kept.get(id, () -> read(id)).map(stored -> {
            if (!stored.connection().tenant.equals(tenant)) {
                throw new NotFoundException();
            }
            return stored;
        });
    }

    /** The credentials as stored now, never kept ones: for a test of the connection. */
    Uni<ConnectionCredentials> current(Connection connection) {
        return Panache.withSession(() -> authConfigs.findInTenant(connection.tenant, connection.authConfigId))
                .chain(authConfig -> merged(new Readable(connection, authConfig)));
    }

    /** The newest access token, as a read that just had it refreshed hands it out. */
    Uni<ConnectionCredentials> refreshedToken(Connection connection, Instant expiresAt) {
        return secrets.read(SecretPath.connection(connection.tenant, connection.id))
                .map(secret -> tokenCredentials(connection, expiresAt, secret.fields()));
    }

    /** Forgets a connection this replica changed, at once rather than when its notification arrives. */
    public void forget(UUID connection) {
        kept.forget(connection);
    }

    @Override
    public void heard(String channel, String payload) {
        SecretPath changed = SecretPath.parse(payload);
        switch (changed.kind()) {
            case CONNECTION -> kept.forget(changed.id());
            case AUTH_CONFIG -> kept.forgetIf(stored -> stored.connection().authConfigId.equals(changed.id()));
        }
    }

    @Override
    public void listening() {
        kept.trust();
    }

    @Override
    public void deaf() {
        LOG.warn("not hearing changes to connections: credential reads go to the database until it is heard again");
        kept.distrust();
    }

    private Uni<Stored> read(UUID id) {
        return readable.get(id).chain(known -> known.connection().status != ConnectionStatus.ACTIVE
                ? Uni.createFrom().item(new Stored(known.connection(), null, null))
                : merged(known).map(credentials -> new Stored(known.connection(), credentials, null))
                        .onFailure(ConflictException.class)
                        .recoverWithItem(refusal -> new Stored(known.connection(), null, refusal.getMessage())));
    }

    private Uni<ConnectionCredentials> merged(Readable known) {
        if (known.authConfig() == null) {
            return Uni.createFrom().failure(new ConflictException("The connection's auth config was deleted, so it has"
                    + " no credentials to give; make a new connection from an existing auth config."));
        }
        return fields(known.connection(), known.authConfig()).onFailure(SecretNotFoundException.class)
                .transform(gone -> new ConflictException("The connection's stored credentials are gone; authorize it again"
                        + " or make it anew."));
    }

    private Uni<ConnectionCredentials> fields(Connection connection, KnownAuthConfig authConfig) {
        return fields.read(new ConnectionFields.Source(connection.tenant, connection.id, authConfig, connection.config,
                connection.secretVersion, tokenBased(connection), connection.expiresAt)).map(read -> credentials(connection, read));
    }

    private static ConnectionCredentials tokenCredentials(Connection connection, Instant expiresAt, Map<String, String> tokens) {
        return credentials(connection, ConnectionFields.tokenFields(connection.config, expiresAt, tokens));
    }

    private static ConnectionCredentials credentials(Connection connection, Map<String, Object> fields) {
        return new ConnectionCredentials(connection.id, connection.authType, connection.provider, connection.environment, fields);
    }

    static boolean tokenBased(Connection connection) {
        return AuthType.of(connection.authType).tokenBased();
    }
}
