package dev.latchkey.refresher.events;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import dev.latchkey.refresher.repository.RefreshSchedule;
import dev.latchkey.refresher.service.RefreshMargins;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/**
 * The schedule from connection events: an authorized connection that can be refreshed is scheduled at its
 * expiry less the margin (reauthorizing starts it afresh); one that cannot, or is deleted, leaves the schedule.
 * Its schedule row's {@code issued_at} is the database's clock when the event is taken; the margin uses it only
 * for tokens that live shorter than twice the margin.
 */
@ApplicationScoped
public class ConnectionScheduleConsumer {

    private final IdempotentConsumer consumer;
    private final RefreshSchedule schedule;
    private final RefreshMargins margins;

    public ConnectionScheduleConsumer(IdempotentConsumer consumer, RefreshSchedule schedule, RefreshMargins margins) {
        this.consumer = consumer;
        this.schedule = schedule;
        this.margins = margins;
    }

    @Incoming("connections")
    public Uni<Void> onConnectionEvent(String json) {
        return consumer.handleRecordOnce("refresh-schedule", json, this::apply);
    }

    private Uni<Void> apply(CloudEvent event) {
        EventData data = EventJson.data(event);
        if (data instanceof ConnectionAuthorized authorized) {
            if (!authorized.refreshable()) {
                return schedule.remove(authorized.connectionId());
            }
            Instant issued = event.time();
            var refresh = new ScheduledRefresh(authorized.connectionId(), event.tenantid(), authorized.authConfigId(),
                    authorized.expiresAt(), 0, issued);
            return schedule.schedule(refresh, margins.refreshAt(issued, authorized.expiresAt()));
        }
        if (data instanceof ConnectionDeleted deleted) {
            return schedule.remove(deleted.connectionId());
        }
        return Uni.createFrom().voidItem();
    }
}
