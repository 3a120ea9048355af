package dev.latchkey.refresher.consumers;

import dev.latchkey.platform.consumer.IdempotentConsumer;
import dev.latchkey.platform.projection.AuthConfigProjector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the auth-config projection from auth-config-service's events, each event once. */
@ApplicationScoped
public class AuthConfigProjection {

    private final IdempotentConsumer consumer;
    private final AuthConfigProjector projector;

    public AuthConfigProjection(IdempotentConsumer consumer, AuthConfigProjector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    @Incoming("auth-configs")
    public Uni<Void> onAuthConfigEvent(String json) {
        return consumer.handleRecordOnce("auth-config-projection", json, projector::apply);
    }
}
