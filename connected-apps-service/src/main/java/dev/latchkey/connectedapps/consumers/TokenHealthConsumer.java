package dev.latchkey.connectedapps.consumers;

import dev.latchkey.connectedapps.service.ConnectionHealth;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** token-refresher's events, each once, to the connections' health. */
@ApplicationScoped
public class TokenHealthConsumer {

    private static final String CONSUMER = "token-health";

    private final IdempotentConsumer consumer;
    private final ConnectionHealth health;

    public TokenHealthConsumer(IdempotentConsumer consumer, ConnectionHealth health) {
        this.consumer = consumer;
        this.health = health;
    }

    @Incoming("tokens")
    public Uni<Void> onTokenEvent(String json) {
        return consumer.handleRecordOnce(CONSUMER, json, health::apply);
    }
}
