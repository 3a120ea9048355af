package dev.latchkey.platform.consumer;

import dev.latchkey.events.EventJson;
import dev.latchkey.platform.outbox.TestNote;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer as a service writes one: every event it handles leaves a note naming the event id. */
@ApplicationScoped
public class NoteEventsConsumer {

    private final IdempotentConsumer idempotent;

    public NoteEventsConsumer(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    @Incoming("test-notes")
    public Uni<Void> consume(String payload) {
        return idempotent.handleOnce("test-notes", EventJson.read(payload),
                event -> TestNote.of("handled " + event.id()).persist().replaceWithVoid()).replaceWithVoid();
    }
}
