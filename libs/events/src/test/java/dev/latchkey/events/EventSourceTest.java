package dev.latchkey.events;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each event type names the services that publish it; consumers trust no other source. */
class EventSourceTest {

    @Test
    void aTopicsEventsComeFromItsOwnerOnly() {
        assertTrue(EventType.AUTH_CONFIG_UPDATED.publishedBy(URI.create("/latchkey/auth-config-service")));
        assertFalse(EventType.AUTH_CONFIG_UPDATED.publishedBy(URI.create("/latchkey/connected-apps-service")));
        assertTrue(EventType.TOKEN_REFRESHED.publishedBy(URI.create("/latchkey/token-refresher")));
        assertFalse(EventType.TOKEN_REFRESHED.publishedBy(URI.create("/latchkey/test")));
        assertFalse(EventType.ACCESS_CREDENTIALS_READ.publishedBy(URI.create("/latchkey/audit-service")));
    }

    @Test
    void everyServiceReportsTheAccessItDenies() {
        for (EventSource service : EventSource.values()) {
            assertTrue(EventType.ACCESS_DENIED.publishedBy(service.uri()), service.service());
        }
    }

    @Test
    void everyTypeOfATopicHasThatTopicsOwnerAmongItsPublishers() {
        for (EventType type : EventType.values()) {
            if (type != EventType.ACCESS_PROXIED) {
                assertTrue(type.publishers().contains(EventSource.ownerOf(type.topic())), type.eventName());
            }
        }
        assertEquals(5, EventSource.values().length);
    }

    @Test
    void onlyTheGatewayReportsTheCallsItCarries() {
        assertTrue(EventType.ACCESS_PROXIED.publishedBy(URI.create("/latchkey/gateway")));
        assertFalse(EventType.ACCESS_PROXIED.publishedBy(URI.create("/latchkey/connected-apps-service")));
    }
}
