package dev.latchkey.audit;

import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.EventType;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Filters, stable pages, export, tenant isolation, roles and bad input of the audit log's API. */
@QuarkusTest
@QuarkusTestResource(AuditDatabaseResource.class)
@WithKafka
@WithOidcServer
class AuditQueryTest extends AuditTestBase {

    @Test
    void filtersSelectByActorActionPrefixTargetOutcomeEnvironmentAndTime() {
        Instant past = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        CloudEvent old = event(EventType.CONNECTION_CREATED, tenant, "user:carol", past);
        EventPublisher.publish(bootstrapServers, old);
        publish(EventType.CONNECTION_CREATED, "user:alice");
        CloudEvent authorized = publish(EventType.CONNECTION_AUTHORIZED, "user:alice");
        publish(EventType.AUTH_CONFIG_CREATED, "user:bob");
        publish(EventType.ACCESS_DENIED, "user:bob");
        Eventually.until("five entries", () -> stored() == 5);

        asAdmin().get("/api/v1/audit-events?action=connection.*").then().statusCode(200).body("items", hasSize(3));
        asAdmin().get("/api/v1/audit-events?action=auth_config.created").then().body("items.actor.id", contains("bob"));
        asAdmin().get("/api/v1/audit-events?actor=user:bob").then().body("items", hasSize(2));
        asAdmin().get("/api/v1/audit-events?actor=service:bob").then().body("items", empty());
        asAdmin().get("/api/v1/audit-events?outcome=denied").then().body("items.action", contains("access.denied"));
        asAdmin().get("/api/v1/audit-events?targetType=connection&targetId=" + authorized.subject()).then()
                .body("items.id", contains(authorized.id().toString()));
        asAdmin().get("/api/v1/audit-events?environment=production&action=connection.*").then().body("items", hasSize(3));
        asAdmin().get("/api/v1/audit-events?to=" + past.plusSeconds(1)).then().body("items.id", contains(old.id().toString()));
        asAdmin().get("/api/v1/audit-events?from=" + past.plusSeconds(1) + "&actor=alice").then().body("items", hasSize(2));
    }

    /**
     * The log's order is the order it received entries, which for events of different aggregates need not be the
     * order they were published in (Kafka orders one aggregate's events only): the pages are held against the
     * log's own order, read whole before paging starts.
     */
    @Test
    void pagesStayStableWhileEventsArrive() {
        for (int i = 0; i < 7; i++) {
            publish(EventType.ACCESS_CREDENTIALS_READ, "service:runner");
        }
        Eventually.until("seven entries", () -> stored() == 7);
        List<String> logOrder = asAdmin().get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath().getList("items.id");

        JsonPath first = asAdmin().get("/api/v1/audit-events?limit=3").then().statusCode(200).extract().jsonPath();
        List<String> seen = new ArrayList<>(first.getList("items.id"));
        for (int i = 0; i < 5; i++) {
            publish(EventType.ACCESS_CREDENTIALS_READ, "service:runner");
        }
        Eventually.until("twelve entries", () -> stored() == 12);
        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath page = asAdmin().get("/api/v1/audit-events?limit=3&cursor=" + cursor).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        }

        assertEquals(7, logOrder.size());
        assertEquals(logOrder, seen, "every entry that was there once, in the log's order, and none that arrived meanwhile");
        List<String> received = receivedNewestFirst();
        assertEquals(received.subList(received.size() - 7, received.size()), logOrder, "newest received first");
    }

    @Test
    void theExportHoldsWhatTheQuerySelectsInBothFormats() {
        for (EventType type : List.of(EventType.CONNECTION_CREATED, EventType.CONNECTION_TESTED, EventType.TOKEN_REFRESHED,
                EventType.CONNECTION_DELETED)) {
            publish(type, "user:alice");
        }
        Eventually.until("four entries", () -> stored() == 4);
        List<String> queried = asAdmin().get("/api/v1/audit-events?action=connection.*").then().extract().jsonPath().getList("items.id");

        String ndjson = asAdmin().get("/api/v1/audit-events/export?format=ndjson&action=connection.*").then().statusCode(200)
                .header("Content-Type", containsString("application/x-ndjson")).extract().asString();
        List<String> exported = ndjson.lines().map(line -> JsonPath.from(line).getString("id")).toList();
        assertEquals(queried, exported);

        String csv = asAdmin().get("/api/v1/audit-events/export?format=csv&action=connection.*").then().statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .header("Content-Disposition", containsString("audit-events.csv")).extract().asString();
        List<String> rows = csv.lines().toList();
        assertEquals("id,occurredAt,receivedAt,actorType,actorId,actorName,action,targetType,targetId,targetName,outcome,"
                + "environment,details,chainPosition,hash", rows.get(0));
        assertEquals(queried, rows.subList(1, rows.size()).stream().map(row -> row.substring(0, row.indexOf(','))).toList());
        assertEquals(3, queried.size());
    }

    @Test
    void anotherTenantsEventsAreInvisible() {
        CloudEvent mine = publish(EventType.AUTH_CONFIG_DELETED, "user:alice");
        Eventually.until("the entry", () -> stored() == 1);
        String other = "tenant-" + UUID.randomUUID();

        as(other, "admin").get("/api/v1/audit-events").then().statusCode(200).body("items", empty());
        as(other, "admin").get("/api/v1/audit-events/" + mine.id()).then().statusCode(404);
        assertEquals("", as(other, "admin").get("/api/v1/audit-events/export").then().statusCode(200).extract().asString());
        as(other, "admin").get("/api/v1/audit-events/verify").then().statusCode(200).body("checked", equalTo(0));
        asAdmin().get("/api/v1/audit-events/" + mine.id()).then().statusCode(200);
    }

    @Test
    void adminsAndDevelopersReadViewersDoNotAndOnlyAdminsSetRetention() {
        CloudEvent event = publish(EventType.CONNECTION_DELETED, "user:alice");
        Eventually.until("the entry", () -> stored() == 1);
        for (String path : List.of("/api/v1/audit-events", "/api/v1/audit-events/" + event.id(), "/api/v1/audit-events/export",
                "/api/v1/audit-events/verify", "/api/v1/audit-events/retention")) {
            given().get(path).then().statusCode(401);
            as(tenant, "viewer").get(path).then().statusCode(403);
            as(tenant, "developer").get(path).then().statusCode(200);
            asAdmin().get(path).then().statusCode(200);
        }
        as(tenant, "developer").contentType("application/json").body("{\"days\": 30}").put("/api/v1/audit-events/retention")
                .then().statusCode(403);
        asAdmin().contentType("application/json").body("{\"days\": 30}").put("/api/v1/audit-events/retention")
                .then().statusCode(200).body("days", equalTo(30));
        as(tenant, "developer").get("/api/v1/audit-events/retention").then().body("days", equalTo(30))
                .body("tenantDefault", equalTo(false));
        asAdmin().get("/api/v1/audit-events?action=audit.retention_changed").then()
                .body("items", hasSize(1)).body("items[0].details.days", equalTo(30)).body("items[0].details.previousDays", nullValue())
                .body("items[0].actor.id", equalTo("alice")).body("items[0].target.id", equalTo(tenant));
        asAdmin().get("/api/v1/audit-events/verify").then().body("verified", equalTo(true));
        as("tenant-" + UUID.randomUUID(), "admin").get("/api/v1/audit-events/retention").then().body("days", equalTo(400))
                .body("tenantDefault", equalTo(true));
    }

    @Test
    void badParametersAreProblemsNamingEachField() {
        asAdmin().get("/api/v1/audit-events?outcome=maybe&from=yesterday&limit=0&cursor=%%%&action=DROP TABLE").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("outcome")).body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("limit")).body("errors.field", hasItem("cursor"))
                .body("errors.field", hasItem("action"));
        asAdmin().get("/api/v1/audit-events/export?format=xml").then().statusCode(400).body("errors.field", contains("format"));
        asAdmin().get("/api/v1/audit-events/verify?to=soon").then().statusCode(400).body("errors.field", contains("to"));
        asAdmin().get("/api/v1/audit-events/verify?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z").then().statusCode(400)
                .body("errors.field", contains("to"));
        asAdmin().get("/api/v1/audit-events?limit=abc").then().statusCode(400).body("errors.field", contains("limit"));
        // Instants Java parses but PostgreSQL cannot compare with were a 500.
        asAdmin().queryParam("from", "+100000-01-01T00:00:00Z").get("/api/v1/audit-events").then().statusCode(400)
                .body("errors.field", contains("from"));
        asAdmin().queryParam("to", "-5000-01-01T00:00:00Z").get("/api/v1/audit-events/verify").then().statusCode(400)
                .body("errors.field", contains("to"));
        asAdmin().contentType("application/json").body("{\"days\": 0}").put("/api/v1/audit-events/retention").then().statusCode(400);
        // A day's retention would wipe the trail of what an admin just did at the next run: 30 days is the floor.
        asAdmin().contentType("application/json").body("{\"days\": 29}").put("/api/v1/audit-events/retention").then().statusCode(400)
                .body("errors.field", contains("days")).body("errors[0].message", containsString("at least 30 days"));
        asAdmin().get("/api/v1/audit-events/retention").then().body("days", equalTo(400));
    }
}
