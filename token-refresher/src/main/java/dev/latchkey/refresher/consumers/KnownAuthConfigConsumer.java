package dev.latchkey.refresher.consumers;

import dev.latchkey.knownauthconfigs.KnownAuthConfigProjector;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the auth-config projection from auth-config-service's events, each event once. */
@ApplicationScoped
public class KnownAuthConfigConsumer {

    private final IdempotentConsumer consumer;
    private final KnownAuthConfigProjector projector;

    public KnownAuthConfigConsumer(IdempotentConsumer consumer, KnownAuthConfigProjector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    @Incoming("auth-configs")
    public Uni<Void> onAuthConfigEvent(String json) {
        return consumer.handleRecordOnce("auth-config-projection", json, projector::apply);
    }
}
