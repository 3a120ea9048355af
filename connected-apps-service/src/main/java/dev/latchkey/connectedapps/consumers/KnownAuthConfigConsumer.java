package dev.latchkey.connectedapps.consumers;

import dev.latchkey.connectedapps.service.KnownAuthConfigChanges;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the known auth configs from auth-config-service's events, each event once. */
@ApplicationScoped
public class KnownAuthConfigConsumer {

    private static final String CONSUMER = "auth-config-projection";

    private final IdempotentConsumer consumer;
    private final KnownAuthConfigChanges changes;

    public KnownAuthConfigConsumer(IdempotentConsumer consumer, KnownAuthConfigChanges changes) {
        this.consumer = consumer;
        this.changes = changes;
    }

    @Incoming("auth-configs")
    public Uni<Void> onAuthConfigEvent(String json) {
        return consumer.handleRecordOnce(CONSUMER, json, changes::apply);
    }
}
