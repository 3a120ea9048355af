package dev.latchkey.connectedapps.events;

import dev.latchkey.connectedapps.domain.Toolkit;
import dev.latchkey.connectedapps.domain.ToolkitToken;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventSource;
import dev.latchkey.events.ToolkitEvents.ToolkitCreated;
import dev.latchkey.events.ToolkitEvents.ToolkitDeleted;
import dev.latchkey.events.ToolkitEvents.ToolkitTokenIssued;
import dev.latchkey.events.ToolkitEvents.ToolkitTokenRevoked;
import dev.latchkey.events.ToolkitEvents.ToolkitUpdated;
import dev.latchkey.events.Topics;
import dev.latchkey.platform.outbox.Outbox;
import dev.latchkey.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Writes toolkit events to the outbox, inside the transaction of what they report. Never a token's value or hash. */
@ApplicationScoped
public class ToolkitEventWriter {

    private static final URI SOURCE = EventSource.CONNECTED_APPS_SERVICE.uri();

    private final Outbox outbox;

    public ToolkitEventWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> created(Caller caller, Toolkit toolkit) {
        return append(caller, new ToolkitCreated(toolkit.id(), toolkit.name(), toolkit.description(), toolkit.readOnly(),
                toolkit.members()));
    }

    public Uni<Void> updated(Caller caller, Toolkit toolkit, List<String> changed) {
        return append(caller, new ToolkitUpdated(toolkit.id(), changed, toolkit.name(), toolkit.description(), toolkit.readOnly(),
                toolkit.members(), toolkit.version()));
    }

    public Uni<Void> deleted(Caller caller, UUID toolkitId) {
        return append(caller, new ToolkitDeleted(toolkitId));
    }

    public Uni<Void> tokenIssued(Caller caller, ToolkitToken token) {
        return append(caller, new ToolkitTokenIssued(token.toolkitId(), token.id(), token.name(), token.expiresAt()));
    }

    public Uni<Void> tokenRevoked(Caller caller, UUID toolkitId, UUID tokenId) {
        return append(caller, new ToolkitTokenRevoked(toolkitId, tokenId));
    }

    private Uni<Void> append(Caller caller, EventData data) {
        return outbox.append(Topics.TOOLKITS, EventJson.envelope(data, SOURCE, caller.tenant(), caller.actor(), caller.name()));
    }
}
