package dev.latchkey.platform.security;

import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@code @Requires} endpoint counts against its caller's and its tenant's rate (RateLimits). Tiny rates here
 * (a token every 4 s; 3 at once per caller, 5 per tenant), in an application of its own so the other tests keep the
 * defaults: a test takes well under 4 s between requests, so a bucket refills at most one token while it runs.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyRates.class)
@WithPostgres
@WithKafka
@WithOidcServer
class RateLimitTest {

    public static class TinyRates implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("latchkey.security.rate-limit.caller.per-second", "0.25",
                    "latchkey.security.rate-limit.caller.burst", String.valueOf(CALLER_BURST),
                    "latchkey.security.rate-limit.tenant.per-second", "0.25",
                    "latchkey.security.rate-limit.tenant.burst", String.valueOf(TENANT_BURST));
        }
    }

    private static final int CALLER_BURST = 3;
    private static final int TENANT_BURST = 5;
    private static final String PATH = "/rate-limit-test";

    private final String tenant = "rate-" + UUID.randomUUID();

    @Test
    void aCallerOverItsRateGetsA429ProblemWithRetryAfterAndNothingRuns() {
        String alice = token(tenant, "alice", "viewer");
        Refusal first = sendUntilRefused(alice, CALLER_BURST);
        Response refused = first.answer();
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://latchkey.dev/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("detail", containsString("one caller"))
                .body("instance", equalTo(PATH));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 4, "Retry-After " + retryAfter + " s, a token comes every 4 s");

        int ok = first.admitted();
        for (int i = 0; i < 3; i++) {
            if (given().auth().oauth2(alice).get(PATH).statusCode() == 200) {
                ok++;
            }
        }
        assertTrue(ok <= CALLER_BURST + 1, ok + " requests admitted, the burst is " + CALLER_BURST);
        assertEquals(ok, RateLimitTestResource.runs(tenant, "alice"), "the endpoint ran for the admitted requests only");
    }

    @Test
    void anotherCallerOfTheTenantGetsThroughUntilTheTenantsRateAnotherTenantIsNotTouched() {
        sendUntilRefused(token(tenant, "alice", "viewer"), CALLER_BURST);

        Refusal bob = sendUntilRefused(token(tenant, "bob", "viewer"), 1);
        assertTrue(bob.admitted() < CALLER_BURST, "bob had his own burst left, and still was refused");
        bob.answer().then().statusCode(429).contentType("application/problem+json").body("detail", containsString("one tenant"));

        String carol = token("rate-" + UUID.randomUUID(), "carol", "viewer");
        for (int i = 0; i < CALLER_BURST; i++) {
            given().auth().oauth2(carol).get(PATH).then().statusCode(200);
        }
    }

    @Test
    void latchkeysOwnServicesAreNeverLimited() {
        sendUntilRefused(token(tenant, "alice", "viewer"), CALLER_BURST);
        sendUntilRefused(token(tenant, "bob", "viewer"), 1);

        String service = token(tenant, "connected-apps-service", "service");
        for (int i = 0; i < 3 * TENANT_BURST; i++) {
            given().auth().oauth2(service).get(PATH).then().statusCode(200);
        }
        assertEquals(3 * TENANT_BURST, RateLimitTestResource.runs(tenant, "connected-apps-service"));
    }

    @Test
    void afterRetryAfterTheCallerGetsThroughAgain() {
        String alice = token(tenant, "alice", "viewer");
        sendUntilRefused(alice, CALLER_BURST);
        given().auth().oauth2(alice).get(PATH).then().statusCode(429);

        // Each refused try costs nothing: were it to take a token, trying every 100 ms would keep the bucket empty.
        Eventually.holds("alice admitted again", () -> given().auth().oauth2(alice).get(PATH).then().statusCode(200));
    }

    @Test
    void everyOperationThatRequiresAPermissionDeclaresItsTooManyRequests() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/rate-limit-test'.get.responses.'429'.headers.'Retry-After'.schema.type", equalTo("integer"))
                .body("paths.'/rate-limit-test'.get.responses.'429'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }

    private record Refusal(int admitted, Response answer) {
    }

    /** Sends until refused; at least {@code atLeast} must pass first, and at most one more (a token refilled meanwhile). */
    private static Refusal sendUntilRefused(String token, int atLeast) {
        for (int admitted = 0; admitted <= atLeast + 1; admitted++) {
            Response answer = given().auth().oauth2(token).get(PATH);
            if (answer.statusCode() == 429) {
                assertTrue(admitted >= atLeast, "refused after " + admitted + " requests, expected at least " + atLeast);
                return new Refusal(admitted, answer);
            }
            answer.then().statusCode(200);
        }
        return fail("no request refused after " + (atLeast + 2) + " admitted");
    }

    private static String token(String tenant, String subject, String... roles) {
        return OidcTestServer.current().accessToken(tenant, subject, roles);
    }
}
