package dev.latchkey.platform.outbox;

import jakarta.annotation.security.PermitAll;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.latchkey.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Changes state and appends its event the way a service's write endpoint does. */
@PermitAll
@Path("/outbox-test")
public class TestNoteResource {

    private final Outbox outbox;
    private final OutboxBatcher batcher;

    public TestNoteResource(Outbox outbox, OutboxBatcher batcher) {
        this.outbox = outbox;
        this.batcher = batcher;
    }

    /** Answers once its event is committed by the batcher, as a credential read does. */
    @POST
    @Path("/batched")
    public Uni<String> batched(@QueryParam("topic") String topic, @QueryParam("eventId") UUID eventId) {
        return batcher.append(topic, event(eventId, TestNote.of("batched " + eventId))).replaceWith("committed");
    }

    /** Saves a note and its event in one transaction; {@code fail} rolls both back after the append. */
    @POST
    @Path("/notes")
    public Uni<String> create(@QueryParam("topic") String topic, @QueryParam("eventId") UUID eventId,
            @QueryParam("fail") boolean fail) {
        return Panache.withTransaction(() -> {
            TestNote note = TestNote.of("note for " + eventId);
            return note.<TestNote>persist()
                    .chain(saved -> outbox.append(topic, event(eventId, saved)))
                    .invoke(() -> {
                        if (fail) {
                            throw new IllegalStateException("the state change failed after its event was appended");
                        }
                    })
                    .replaceWith(note.id.toString());
        });
    }

    @POST
    @Path("/append-without-transaction")
    public Uni<String> appendWithoutTransaction(@QueryParam("topic") String topic) {
        return Uni.createFrom().deferred(() -> outbox.append(topic, event(UUID.randomUUID(), TestNote.of("stray"))))
                .replaceWith("appended")
                .onFailure().recoverWithItem(Throwable::getMessage);
    }

    static CloudEvent event(UUID eventId, TestNote note) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, eventId, URI.create("/latchkey/platform-test"),
                "dev.latchkey.test.note_created.v1", note.id.toString(), Instant.now(), CloudEvent.JSON, null,
                "demo", "user:alice", "Alice", JsonNodeFactory.instance.objectNode().put("text", note.text));
    }
}
