package dev.latchkey.gateway.rest;

import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A connection may have so many calls in flight (two here): one more is refused at once with a 429, other connections
 * go on, and a call's place is given back when its answer ends, though it ended as a timeout.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
@TestProfile(CallsInFlightTest.TwoInFlight.class)
class CallsInFlightTest extends ProxyTestBase {

    public static class TwoInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("latchkey.gateway.max-concurrent-calls", "2");
        }
    }

    @Test
    void aCallOverTheConnectionsBoundIsRefusedAtOnceAndItsPlaceComesBackWhenACallEnds() {
        UUID busy = gitea();
        UUID other = gitea();
        List<String> slow = List.of(call(), call());
        ExecutorService callers = Executors.newFixedThreadPool(slow.size());
        List<CompletableFuture<Integer>> held = slow.stream().map(call -> CompletableFuture.supplyAsync(() ->
                caller().header("X-Test-Call", call).get(PROXY + busy + "/slow").then().extract().statusCode(), callers)).toList();
        Eventually.until("both slow calls at the API", () -> slow.stream().allMatch(call -> RecordingApi.arrivals(call) == 1));

        caller().get(PROXY + busy + "/user").then().statusCode(429).header("Retry-After", "1")
                .body("type", equalTo("https://latchkey.dev/problems/too-many-requests"));
        caller().get(PROXY + other + "/user").then().statusCode(200);

        held.forEach(call -> assertEquals(504, call.join(), "the slow call ends at its deadline"));
        callers.shutdown();
        // A place is given back once the answer has been written out, which the caller may see a moment before.
        Eventually.until("a call through the connection answered again",
                () -> caller().get(PROXY + busy + "/user").then().extract().statusCode() == 200);
    }
}
