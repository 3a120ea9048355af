package dev.latchkey.platform.problem;

import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** What the HTTP layer refuses before any resource runs is a problem too, not a status with an empty body. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class HttpLayerProblemsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    @Test
    void anExpiredTokenIsAnUnauthorizedProblem() {
        String token = OidcTestServer.current().expiredAccessToken("demo", "expired-alice", "admin");
        rejected(token).body(not(containsString("expired-alice")));
    }

    @Test
    void aTokenSignedByAnotherKeyIsAnUnauthorizedProblem() {
        rejected(OidcTestServer.current().accessTokenSignedByAnotherKey("demo", "forged-mallory", "admin"))
                .body(not(containsString("forged-mallory")));
    }

    @Test
    void aTokenForAnotherAudienceIsAnUnauthorizedProblem() {
        rejected(OidcTestServer.current().accessTokenWithClaims(OidcTestServer.ISSUER, "someone-else", Map.of("tenant", "demo")))
                .body(not(containsString("someone-else")));
    }

    @Test
    void garbageInsteadOfATokenIsAnUnauthorizedProblem() {
        rejected("garbage-that-is-no-jwt").body(not(containsString("garbage-that-is-no-jwt")));
    }

    @Test
    void aBodyOverTheLimitIsAContentTooLargeProblem() {
        given().contentType(ContentType.JSON).body("{\"name\":\"" + "x".repeat(70_000) + "\"}")
                .post("/problem-test/validated")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://latchkey.dev/problems/content-too-large"))
                .body("instance", equalTo("/problem-test/validated"));
    }

    @Test
    void aVeryLongPathIsAUriTooLongProblem() {
        given().get("/problem-test/" + "a".repeat(20_000))
                .then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("https://latchkey.dev/problems/uri-too-long"))
                .body(not(containsString("aaaaaaaaaa")));
    }

    @Test
    void aVeryLongQueryIsAUriTooLongProblem() {
        given().urlEncodingEnabled(false).get("/problem-test/missing?q=" + "a".repeat(64 * 1024))
                .then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("https://latchkey.dev/problems/uri-too-long"));
    }

    @Test
    void aLongQueryWithinTheLimitReachesTheResource() {
        given().urlEncodingEnabled(false).get("/problem-test/missing?q=" + "a".repeat(8_000))
                .then().statusCode(404).contentType(PROBLEM);
    }

    private static ValidatableResponse rejected(String token) {
        return given().auth().oauth2(token).get("/problem-test/missing")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", INVALID_TOKEN)
                .body("type", equalTo("https://latchkey.dev/problems/unauthorized"))
                .body("instance", equalTo("/problem-test/missing"))
                .body(not(containsString(token)));
    }
}
