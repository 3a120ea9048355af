package dev.latchkey.platform.security;

import dev.latchkey.events.EventJson;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static dev.latchkey.platform.TestApplication.kafkaBootstrap;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class PermissionTest {

    @Test
    void adminMayDoEverythingUserFacing() {
        as("admin").get("/permission-test").then().statusCode(200);
        as("admin").post("/permission-test").then().statusCode(200);
        as("admin").delete("/permission-test").then().statusCode(200);
    }

    @Test
    void developerMayEditButNotDelete() {
        as("developer").get("/permission-test").then().statusCode(200);
        as("developer").post("/permission-test").then().statusCode(200);
        as("developer").delete("/permission-test").then().statusCode(403);
    }

    @Test
    void viewerMayOnlyView() {
        as("viewer").get("/permission-test").then().statusCode(200);
        as("viewer").post("/permission-test").then().statusCode(403);
        as("viewer").delete("/permission-test").then().statusCode(403);
    }

    @Test
    void credentialsAreReadOnlyWithTheCredentialsReadPermission() {
        as("admin").get("/permission-test/credentials").then().statusCode(403);
        as("credentials:read").get("/permission-test/credentials").then().statusCode(200);
        as("credentials:read").get("/permission-test").then().statusCode(403);
    }

    @Test
    void internalEndpointsAreForServicesOnly() {
        as("admin").post("/permission-test/internal").then().statusCode(403);
        as("service").post("/permission-test/internal").then().statusCode(200);
    }

    /** Only a toolkit token makes a toolkit's caller (the gateway's mechanism): a JWT that claims the role is not one. */
    @Test
    void noIssuersTokenMayCallAToolkit() {
        as("toolkit").post("/permission-test/toolkit").then().statusCode(403);
        given().auth().oauth2(OidcTestServer.current().accessToken("demo", "agent", "toolkit", "viewer")).get("/permission-test")
                .then().statusCode(200);
        as("admin").post("/permission-test/toolkit").then().statusCode(403);
    }

    @Test
    void anEndpointThatDeclaresNoPermissionIsRefusedToEveryone() {
        as("admin").get("/permission-test/undeclared").then().statusCode(403);
        as("service").get("/permission-test/undeclared").then().statusCode(403);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get("/permission-test").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }

    /** A decoded path that is no valid URI (a space, a NUL) used to make the permission check itself fail: a bare 500. */
    @Test
    void aPathThatDecodesToNoValidUriIsCheckedLikeAnyOther() {
        given().urlEncodingEnabled(false).get("/permission-test/things/a%20b").then().statusCode(401)
                .contentType("application/problem+json").body("instance", equalTo("/permission-test/things/a%20b"));
        as("credentials:read").urlEncodingEnabled(false).get("/permission-test/things/%00").then().statusCode(403)
                .contentType("application/problem+json");
        as("viewer").urlEncodingEnabled(false).get("/permission-test/things/a%20b").then().statusCode(200).body(equalTo("a b"));
    }

    @Test
    void denialIsAProblemAndAnAccessDeniedEvent() throws Exception {
        String subject = "mallory-" + UUID.randomUUID();
        String token = OidcTestServer.current().accessToken("demo", subject, "viewer");

        given().auth().oauth2(token).delete("/permission-test")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://latchkey.dev/problems/forbidden"))
                .body("status", equalTo(403))
                .body("detail", containsString("'delete'"))
                .body("instance", equalTo("/permission-test"));

        List<ConsumerRecord<String, String>> entries = ofSubject(subject, record -> record.value().contains("dev.latchkey.access.denied.v1"));
        org.junit.jupiter.api.Assertions.assertEquals(1, entries.size());
        org.junit.jupiter.api.Assertions.assertTrue(entries.get(0).value().contains("\"tenantid\":\"demo\""));
        org.junit.jupiter.api.Assertions.assertFalse(entries.get(0).value().contains(token.substring(token.length() - 20)),
                "the token is never recorded");
    }

    /**
     * Hammering a forbidden endpoint costs one write per window (latchkey.security.denial-window, 3 s here), and the
     * entries still count every denial.
     */
    @Test
    void repeatedDenialsOfOneCallerAreCountedIntoFewEntries() throws Exception {
        String subject = "hammer-" + UUID.randomUUID();
        String token = OidcTestServer.current().accessToken("demo", subject, "viewer");
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(token).delete("/permission-test").then().statusCode(403).contentType("application/problem+json");
        }

        AtomicInteger counted = new AtomicInteger();
        long entries = ofSubject(subject, record -> counted.addAndGet(EventJson.read(record.value()).data().path("count").asInt(1)) == 20)
                .size();
        org.junit.jupiter.api.Assertions.assertEquals(20, counted.get(), "every denial counted");
        org.junit.jupiter.api.Assertions.assertTrue(entries <= 3, entries + " entries for 20 denials in about one window");
    }

    /** The subject's entries on the access topic, up to the one that {@code last} accepts. */
    private static List<ConsumerRecord<String, String>> ofSubject(String subject, Predicate<ConsumerRecord<String, String>> last) {
        List<ConsumerRecord<String, String>> entries = new ArrayList<>();
        TopicReader.readUntil(kafkaBootstrap(), "latchkey.access.v1", record -> {
            if (!record.key().equals(subject)) {
                return false;
            }
            entries.add(record);
            return last.test(record);
        }, Duration.ofSeconds(30));
        return entries;
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(OidcTestServer.current().accessToken("demo", "user-" + role, role));
    }
}
