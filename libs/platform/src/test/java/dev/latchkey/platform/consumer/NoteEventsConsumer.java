package dev.latchkey.platform.consumer;

import dev.latchkey.events.EventJson;
import dev.latchkey.platform.outbox.TestNote;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer as a service writes one: every event it handles leaves a note naming the event id. An event about a
 * {@code flaky-} aggregate fails twice first, as a handler does while its database is down.
 */
@ApplicationScoped
public class NoteEventsConsumer {

    private final IdempotentConsumer idempotent;

    public NoteEventsConsumer(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Incoming("test-notes")
    public Uni<Void> consume(String payload) {
        return idempotent.handleOnce("test-notes", EventJson.read(payload), event -> {
            int attempt = ATTEMPTS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            Uni<Void> noted = TestNote.of("handled " + event.id()).persist().replaceWithVoid();
            return event.subject().startsWith("flaky-") && attempt <= 2
                    ? noted.chain(() -> Uni.createFrom().failure(new IllegalStateException("the database is unavailable")))
                    : noted;
        }).replaceWithVoid();
    }
}
