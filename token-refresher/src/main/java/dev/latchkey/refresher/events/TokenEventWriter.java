package dev.latchkey.refresher.events;

import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventSource;
import dev.latchkey.events.TokenEvents.TokenExpiring;
import dev.latchkey.events.TokenEvents.TokenRefreshFailed;
import dev.latchkey.events.TokenEvents.TokenRefreshed;
import dev.latchkey.events.Topics;
import dev.latchkey.platform.outbox.Outbox;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes token events to the outbox, inside the transaction of what they report. Never a token. */
@ApplicationScoped
public class TokenEventWriter {

    private static final URI SOURCE = EventSource.TOKEN_REFRESHER.uri();

    private final Outbox outbox;

    public TokenEventWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> refreshed(String actor, ScheduledRefresh refresh, Instant expiresAt, boolean rotated, List<String> scopes) {
        return append(actor, refresh, new TokenRefreshed(refresh.connectionId(), expiresAt, rotated, scopes));
    }

    public Uni<Void> failed(String actor, ScheduledRefresh refresh, String reason, boolean permanent, int attempts, Instant retryAt) {
        return append(actor, refresh, new TokenRefreshFailed(refresh.connectionId(), reason, permanent, attempts, retryAt));
    }

    public Uni<Void> expiring(String actor, String tenant, UUID connectionId, Instant expiresAt) {
        return outbox.append(Topics.TOKENS, EventJson.envelope(new TokenExpiring(connectionId, expiresAt), SOURCE, tenant, actor));
    }

    private Uni<Void> append(String actor, ScheduledRefresh refresh, EventData data) {
        return outbox.append(Topics.TOKENS, EventJson.envelope(data, SOURCE, refresh.tenant(), actor));
    }
}
