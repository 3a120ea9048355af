package dev.latchkey.gateway.rest;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A provider's "not now" (429, 503 with {@code Retry-After}): waited out for a method that may be made twice when the
 * wait is short, passed back to the caller with its header otherwise; and what the calls look like in the metrics.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
class ProviderLimitsTest extends ProxyTestBase {

    @Test
    void anIdempotentCallIsMadeAgainOnceTheProvidersShortWaitIsOver() {
        UUID gitea = gitea();
        String call = call();

        caller().header("X-Test-Call", call).get(PROXY + gitea + "/busy/1").then().statusCode(200).body("ok", equalTo(true));

        assertEquals(2, RecordingApi.arrivals(call));
    }

    @Test
    void aPostIsNeverMadeTwiceItsRefusalComesBackWithItsRetryAfter() {
        UUID gitea = gitea();
        String call = call();

        caller().header("X-Test-Call", call).post(PROXY + gitea + "/busy/1").then().statusCode(503).header("Retry-After", "1");

        assertEquals(1, RecordingApi.arrivals(call));
    }

    @Test
    void aWaitLongerThanTheCapIsTheCallersToSee() {
        UUID gitea = gitea();
        String call = call();

        caller().header("X-Test-Call", call).get(PROXY + gitea + "/limited/120").then().statusCode(429)
                .header("Retry-After", "120");

        assertEquals(1, RecordingApi.arrivals(call));
    }

    @Test
    void aProviderThatKeepsAskingToWaitHasItsLastAnswerPassedBack() {
        UUID gitea = gitea();
        String call = call();

        caller().header("X-Test-Call", call).delete(PROXY + gitea + "/busy/5").then().statusCode(503).header("Retry-After", "1");

        assertEquals(3, RecordingApi.arrivals(call), "the call and its two retries");
    }

    @Test
    void callsAreMeasuredByProviderAndStatusClassAndTheWaitsCounted() {
        UUID gitea = gitea();
        caller().get(PROXY + gitea + "/user").then().statusCode(200);
        caller().header("X-Test-Call", call()).get(PROXY + gitea + "/busy/1").then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("latchkey_gateway_calls_seconds_bucket{provider=\"gitea\",status=\"2xx\""))
                .body(containsString("latchkey_gateway_calls_seconds_count{provider=\"gitea\",status=\"5xx\"}"))
                .body(containsString("latchkey_gateway_retries_total{provider=\"gitea\",status=\"503\"}"));
    }
}
