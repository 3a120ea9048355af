package dev.latchkey.gateway.service;

import dev.latchkey.gateway.config.GatewayConfig;
import dev.latchkey.gateway.service.ConnectionApis.ConnectionApi;
import dev.latchkey.platform.cache.ChannelListener;
import dev.latchkey.platform.cache.NotifiedCache;
import dev.latchkey.platform.sql.ListenConnection;
import dev.latchkey.secrets.ChangeChannels;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Connections' APIs, credentials applied, kept in this replica's memory between changes so that a call asks the
 * database nothing but its audit event. PostgreSQL tells every replica what changed: triggers on the gateway's
 * {@code connections} and {@code auth_configs} notify {@code <schema>_changes}, the shared secret store's trigger
 * notifies {@code <secrets schema>_changes}, each with the path of what changed. See {@link NotifiedCache} for when a
 * kept API is not served. With the Vault backend secrets' changes are not notified: a connection's own secret versions
 * never change, a refreshed token arrives with its {@code token.refreshed} event (a change of the row), and an auth
 * config's rotated secret with its {@code auth_config.updated} event.
 */
@ApplicationScoped
public class KeptApis implements ChannelListener.Listener {

    private static final Logger LOG = Logger.getLogger(KeptApis.class);
    private static final Duration LISTEN_RETRY = Duration.ofSeconds(1);

    /** A tenant's connection: what the cache is keyed by, so another tenant's lookup reads for itself. */
    private record Key(String tenant, UUID connection) {
    }

    private final NotifiedCache<Key, ConnectionApi> kept;
    private final ChannelListener changes;

    public KeptApis(GatewayConfig config, SecretsConfig secretsConfig, Vertx vertx, ListenConnection listenConnection,
            @ConfigProperty(name = "latchkey.schema") String schema) {
        this.kept = new NotifiedCache<>(config.cacheEntries(), config.cacheMaxAge());
        this.changes = new ChannelListener(vertx.getDelegate(), listenConnection.options(),
                ChangeChannels.of(schema, secretsConfig), this, LISTEN_RETRY);
    }

    void start(@Observes StartupEvent startup) {
        changes.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        changes.stop();
    }

    Uni<ConnectionApi> get(String tenant, UUID connection, Supplier<Uni<ConnectionApi>> read) {
        return kept.get(new Key(tenant, connection), read);
    }

    /** Forgets a connection whose token was just refreshed, at once rather than when its notification arrives. */
    void forget(String tenant, UUID connection) {
        kept.forget(new Key(tenant, connection));
    }

    @Override
    public void heard(String channel, String payload) {
        SecretPath changed = SecretPath.parse(payload);
        switch (changed.kind()) {
            case CONNECTION -> kept.forget(new Key(changed.tenant(), changed.id()));
            case AUTH_CONFIG -> kept.forgetIf(api -> api.authConfigId().equals(changed.id()));
        }
    }

    @Override
    public void listening() {
        kept.trust();
    }

    @Override
    public void deaf() {
        LOG.warn("not hearing changes to connections: calls read them from the database until it is heard again");
        kept.distrust();
    }
}
