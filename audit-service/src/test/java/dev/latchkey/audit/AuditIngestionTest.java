package dev.latchkey.audit;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventType;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event on every topic becomes one audit entry, once, and the service's role can never change one. */
@QuarkusTest
@QuarkusTestResource(AuditDatabaseResource.class)
@WithKafka
@WithOidcServer
class AuditIngestionTest extends AuditTestBase {

    @Test
    void everyEventTypeBecomesExactlyOneEntry() {
        List<CloudEvent> events = new ArrayList<>();
        for (EventType type : EventType.values()) {
            events.add(publish(type, "user:alice"));
        }
        Eventually.until("an entry per event", () -> stored() == EventType.values().length);

        for (CloudEvent event : events) {
            assertEquals(1, count("SELECT count(*) FROM audit_events WHERE event_id = ?", event.id()), event.type());
        }
        asAdmin().get("/api/v1/audit-events/" + events.get(EventType.CONNECTION_CREATED.ordinal()).id()).then().statusCode(200)
                .body("action", equalTo("connection.created"))
                .body("actor.type", equalTo("user")).body("actor.id", equalTo("alice")).body("actor.name", equalTo("Alice Liddell"))
                .body("target.type", equalTo("connection")).body("target.name", equalTo("Alice's GitHub"))
                .body("outcome", equalTo("success")).body("environment", equalTo("production"))
                .body("details.endUserId", equalTo("alice"));
        asAdmin().get("/api/v1/audit-events/" + events.get(EventType.ACCESS_DENIED.ordinal()).id()).then().statusCode(200)
                .body("outcome", equalTo("denied")).body("target.type", equalTo("endpoint"))
                .body("target.id", containsString("GET /api/v1/connections/"));
        asAdmin().get("/api/v1/audit-events/" + events.get(EventType.TOKEN_REFRESH_FAILED.ordinal()).id()).then()
                .body("outcome", equalTo("failure"));
        asAdmin().get("/api/v1/audit-events/" + events.get(EventType.AUTH_CONFIG_TESTED.ordinal()).id()).then()
                .body("outcome", equalTo("failure")).body("target.type", equalTo("auth_config"));
        asAdmin().get("/api/v1/audit-events/" + events.get(EventType.CONNECTION_ALLOWED_ORIGINS_CHANGED.ordinal()).id()).then()
                .body("target.type", equalTo("tenant")).body("target.id", equalTo(tenant));
        asAdmin().get("/api/v1/audit-events/" + events.get(EventType.ACCESS_ACTION_RUN.ordinal()).id()).then()
                .body("outcome", equalTo("success")).body("target.type", equalTo("connection"));
        asAdmin().get("/api/v1/audit-events/" + events.get(EventType.TOOLKIT_CREATED.ordinal()).id()).then()
                .body("target.type", equalTo("toolkit")).body("target.name", equalTo("Support"));
        asAdmin().get("/api/v1/audit-events/" + events.get(EventType.TOOLKIT_TOKEN_ISSUED.ordinal()).id()).then()
                .body("target.type", equalTo("toolkit")).body("target.name", equalTo(null)).body("details.name", equalTo("bot"));
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        CloudEvent event = publish(EventType.ACCESS_CREDENTIALS_READ, "service:workflow-runner");
        EventPublisher.publish(bootstrapServers, event);
        EventPublisher.publish(bootstrapServers, event);
        CloudEvent after = publish(EventType.ACCESS_CREDENTIALS_READ, "service:workflow-runner");
        Eventually.until("the event after the redeliveries",
                () -> count("SELECT count(*) FROM audit_events WHERE event_id = ?", after.id()) == 1);

        assertEquals(1, count("SELECT count(*) FROM audit_events WHERE event_id = ?", event.id()));
        assertEquals(2, stored());
        asAdmin().get("/api/v1/audit-events/" + event.id()).then().statusCode(200)
                .body("actor.type", equalTo("service")).body("actor.name", equalTo("workflow-runner"));
    }

    @Test
    void theServiceRoleCanNeitherChangeNorDeleteAnEntryAndOnlyRetentionDeletes() throws SQLException {
        CloudEvent event = publish(EventType.CONNECTION_UPDATED, "user:alice");
        Eventually.until("the entry", () -> stored() == 1);

        try (Connection service = DriverManager.getConnection(AuditDatabaseResource.audit.database().jdbcUrl(),
                AuditDatabaseResource.audit.serviceRole(), AuditDatabaseResource.audit.rolePassword())) {
            SQLException update = assertThrows(SQLException.class, () -> service.createStatement()
                    .executeUpdate("UPDATE audit.audit_events SET outcome = 'failure' WHERE event_id = '" + event.id() + "'"));
            assertEquals("42501", update.getSQLState(), "permission denied");
            SQLException delete = assertThrows(SQLException.class, () -> service.createStatement()
                    .executeUpdate("DELETE FROM audit.audit_events WHERE event_id = '" + event.id() + "'"));
            assertEquals("42501", delete.getSQLState(), "permission denied");
        }
        assertEquals(1, count("SELECT count(*) FROM audit_events WHERE event_id = ? AND outcome = 'success'", event.id()));
        assertTrue(count("SELECT count(*) WHERE has_table_privilege(?, 'audit.audit_events', 'DELETE')",
                AuditDatabaseResource.audit.retentionRole()) == 1, "retention deletes");
        assertEquals(0, count("SELECT count(*) WHERE has_table_privilege(?, 'audit.audit_events', 'UPDATE')",
                AuditDatabaseResource.audit.retentionRole()), "nobody updates");
        assertEquals(0, count("SELECT count(*) WHERE has_column_privilege(?, 'audit.audit_chains', 'head_hash', 'UPDATE')",
                AuditDatabaseResource.audit.retentionRole()), "retention cannot move a chain's head");
        assertEquals(0, count("SELECT count(*) WHERE has_column_privilege(?, 'audit.audit_chains', 'cut_hash', 'UPDATE')",
                AuditDatabaseResource.audit.serviceRole()), "the service cannot forge a cut");
    }

    @Test
    void ingestionIsMeasuredPerTopicWithTheConsumersLag() {
        publish(EventType.TOKEN_REFRESHED, "service:token-refresher");
        Eventually.until("the entry", () -> stored() == 1);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("latchkey_audit_events_stored_total{topic=\"latchkey.tokens.v1\"}"))
                .body(containsString("latchkey_audit_ingest_delay_seconds"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
    }
}
