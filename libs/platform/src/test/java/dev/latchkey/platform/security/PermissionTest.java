package dev.latchkey.platform.security;

import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.latchkey.platform.TestApplication.awaitCount;
import static dev.latchkey.platform.TestApplication.count;
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

        String denied = "SELECT count(*) FROM platform_test.outbox WHERE topic = 'latchkey.access.v1' AND record_key = '"
                + subject + "' AND payload LIKE '%dev.latchkey.access.denied.v1%' AND payload LIKE '%\"tenantid\":\"demo\"%'";
        org.junit.jupiter.api.Assertions.assertEquals(1, awaitCount(denied));
        org.junit.jupiter.api.Assertions.assertEquals(0, count("SELECT count(*) FROM platform_test.outbox WHERE payload LIKE '%"
                + token.substring(token.length() - 20) + "%'"), "the token is never recorded");
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

        String ofSubject = " FROM platform_test.outbox WHERE topic = 'latchkey.access.v1' AND record_key = '" + subject + "'";
        Eventually.until("every denial counted",
                () -> count("SELECT coalesce(sum(coalesce((payload::jsonb->'data'->>'count')::int, 1)), 0)" + ofSubject) == 20);
        long entries = count("SELECT count(*)" + ofSubject);
        org.junit.jupiter.api.Assertions.assertTrue(entries <= 3, entries + " entries for 20 denials in about one window");
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(OidcTestServer.current().accessToken("demo", "user-" + role, role));
    }
}
