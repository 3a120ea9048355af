package dev.latchkey.refresher.consumers;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import dev.latchkey.refresher.service.RefreshScheduling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The refresh schedule from connection events, each event once. An authorization's event time is when its token
 * was obtained.
 */
@ApplicationScoped
public class ConnectionScheduleConsumer {

    private final IdempotentConsumer consumer;
    private final RefreshScheduling scheduling;

    public ConnectionScheduleConsumer(IdempotentConsumer consumer, RefreshScheduling scheduling) {
        this.consumer = consumer;
        this.scheduling = scheduling;
    }

    @Incoming("connections")
    public Uni<Void> onConnectionEvent(String json) {
        return consumer.handleRecordOnce("refresh-schedule", json, this::apply);
    }

    private Uni<Void> apply(CloudEvent event) {
        EventData data = EventJson.data(event);
        if (data instanceof ConnectionAuthorized authorized) {
            return scheduling.authorized(event.tenantid(), event.time(), authorized);
        }
        if (data instanceof ConnectionDeleted deleted) {
            return scheduling.deleted(deleted.connectionId());
        }
        return Uni.createFrom().voidItem();
    }
}
