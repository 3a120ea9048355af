package dev.latchkey.authconfig.consumers;

import dev.latchkey.authconfig.repository.ConnectionUsageRepository.Use;
import dev.latchkey.authconfig.service.AuthConfigUsage;
import dev.latchkey.events.AccessEvents.CredentialsRead;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.stream.Stream;

/**
 * Keeps each auth config's usage from other services' events: how many connections were made from it
 * (connection created and deleted) and when one of them last handed out credentials. Each event counts once. Access
 * events come a polled batch at a time, one transaction each: every credential read of every workflow is one, and one
 * transaction per read would fall behind them.
 */
@ApplicationScoped
public class UsageConsumer {

    private static final String CONSUMER = "auth-config-usage";

    private final IdempotentConsumer consumer;
    private final AuthConfigUsage usage;

    public UsageConsumer(IdempotentConsumer consumer, AuthConfigUsage usage) {
        this.consumer = consumer;
        this.usage = usage;
    }

    @Incoming("connections")
    public Uni<Void> onConnectionEvent(String json) {
        return consumer.handleRecordOnce(CONSUMER, json, this::apply);
    }

    @Incoming("access")
    public Uni<Void> onAccessEvents(ConsumerRecords<String, String> records) {
        return consumer.handleRecordsOnce(CONSUMER, records, events -> usage.credentialsRead(events.stream()
                        .flatMap(event -> EventJson.data(event) instanceof CredentialsRead read
                                ? Stream.of(new Use(event.tenantid(), read.connectionId(), event.time()))
                                : Stream.empty())
                        .toList()))
                .replaceWithVoid();
    }

    private Uni<Void> apply(CloudEvent event) {
        EventData data = EventJson.data(event);
        if (data instanceof ConnectionCreated created) {
            return usage.connectionCreated(event.tenantid(), created.connectionId(), created.authConfigId(),
                    created.environment());
        }
        if (data instanceof ConnectionDeleted deleted) {
            return usage.connectionDeleted(event.tenantid(), deleted.connectionId(), deleted.authConfigId());
        }
        return Uni.createFrom().voidItem();
    }
}
