package dev.latchkey.gateway.consumers;

import dev.latchkey.gateway.service.ConnectionProjector;
import dev.latchkey.knownauthconfigs.KnownAuthConfigProjector;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps what the gateway knows, each event once: auth configs from auth-config-service's events, connections from
 * connected-apps-service's, and their tokens' expiry from token-refresher's.
 */
@ApplicationScoped
public class ProjectionConsumer {

    private final IdempotentConsumer consumer;
    private final KnownAuthConfigProjector authConfigs;
    private final ConnectionProjector connections;

    public ProjectionConsumer(IdempotentConsumer consumer, KnownAuthConfigProjector authConfigs, ConnectionProjector connections) {
        this.consumer = consumer;
        this.authConfigs = authConfigs;
        this.connections = connections;
    }

    @Incoming("auth-configs")
    public Uni<Void> onAuthConfigEvent(String json) {
        return consumer.handleRecordOnce("auth-config-projection", json, authConfigs::apply);
    }

    @Incoming("connections")
    public Uni<Void> onConnectionEvent(String json) {
        return consumer.handleRecordOnce("connection-projection", json, connections::apply);
    }

    @Incoming("tokens")
    public Uni<Void> onTokenEvent(String json) {
        return consumer.handleRecordOnce("connection-projection", json, connections::apply);
    }
}
