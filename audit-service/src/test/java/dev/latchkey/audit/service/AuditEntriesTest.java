package dev.latchkey.audit.service;

import dev.latchkey.audit.domain.AuditEntry;
import dev.latchkey.events.AccessEvents.ActionRun;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventSource;
import dev.latchkey.events.ToolkitEvents.ToolkitTokenIssued;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How an event becomes an audit entry: its target, its name and its outcome. */
class AuditEntriesTest {

    private static final UUID CONNECTION = UUID.randomUUID();
    private static final UUID TOOLKIT = UUID.randomUUID();

    private static AuditEntry entry(EventData data, EventSource source) {
        return AuditEntries.of(EventJson.envelope(data, source.uri(), "acme", "user:alice", "Alice"), Instant.now());
    }

    @Test
    void anActionRunSucceedsOnlyWhenTheProviderCarriedItOut() {
        for (String outcome : new String[] {"provider_error", "invalid_input", "unreachable"}) {
            AuditEntry failed = entry(new ActionRun(CONNECTION, "production", "github", "create_issue", TOOLKIT, 422, outcome, 80),
                    EventSource.GATEWAY);
            assertEquals("failure", failed.outcome(), outcome);
            assertEquals("connection", failed.targetType());
        }
        assertEquals("success", entry(new ActionRun(CONNECTION, "production", "github", "create_issue", null, 201, "succeeded", 80),
                EventSource.GATEWAY).outcome());
    }

    @Test
    void aTokensEventTargetsItsToolkitAndNamesNoToolkit() {
        AuditEntry issued = entry(new ToolkitTokenIssued(TOOLKIT, UUID.randomUUID(), "support bot", Instant.now()),
                EventSource.CONNECTED_APPS_SERVICE);

        assertEquals("toolkit", issued.targetType());
        assertEquals(TOOLKIT.toString(), issued.targetId());
        assertNull(issued.targetName(), "the name in a token's event is the token's");
    }

    @Test
    void anAgentsToolCallNamesItsTokenAsTheActor() {
        UUID token = UUID.randomUUID();
        AuditEntry run = AuditEntries.of(EventJson.envelope(new ActionRun(CONNECTION, "production", "github", "get_issue", TOOLKIT,
                200, "succeeded", 80), EventSource.GATEWAY.uri(), "acme", "toolkit-token:" + token, "Release bot"), Instant.now());

        assertEquals("toolkit-token", run.actorType());
        assertEquals(token.toString(), run.actorId());
        assertEquals("Release bot", run.actorName());
    }
}
