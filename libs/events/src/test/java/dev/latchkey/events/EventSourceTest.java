package dev.latchkey.events;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each event type names the services that publish it; consumers trust no other source. */
class EventSourceTest {

    private static final Set<EventType> GATEWAYS_OWN = Set.of(EventType.ACCESS_PROXIED, EventType.ACCESS_ACTION_RUN);


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
            // The gateway reports the calls it carries and the actions it runs on the access topic, which it does not own.
            if (!GATEWAYS_OWN.contains(type)) {
                assertTrue(type.publishers().contains(EventSource.ownerOf(type.topic())), type.eventName());
            }
        }
        assertEquals(5, EventSource.values().length);
    }

    @Test
    void onlyTheGatewayReportsTheCallsItCarriesAndTheActionsItRuns() {
        for (EventType type : GATEWAYS_OWN) {
            assertTrue(type.publishedBy(URI.create("/latchkey/gateway")));
            assertFalse(type.publishedBy(URI.create("/latchkey/connected-apps-service")));
        }
    }
}
