package dev.latchkey.gateway.rest;

import dev.latchkey.testing.DigestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Digest connection's calls answer the challenges of a server that implements Digest apart from Latchkey (Jetty's):
 * the first call is challenged and goes once more with the answer; the next ones reuse the nonce, counting up; a
 * stale nonce costs one more exchange; a wrong password's 401 reaches the caller after one answer, never a loop.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
class DigestTest extends ProxyTestBase {

    private static DigestServer md5;
    private static DigestServer sha256;

    @BeforeAll
    static void startServers() throws Exception {
        md5 = new DigestServer("MD5", RecordingApi.tlsContext());
        sha256 = new DigestServer("SHA-256", RecordingApi.tlsContext());
    }

    @AfterAll
    static void stopServers() throws Exception {
        md5.close();
        sha256.close();
    }

    @Test
    void theFirstCallAnswersTheChallengeAndTheNextOnesReuseTheNonceUntilItIsStale() {
        UUID opsManager = opsManager(md5, DigestServer.PASSWORD);
        String first = call();
        String second = call();
        String third = call();

        caller().header("X-Test-Call", first).get(PROXY + opsManager + "/groups?pageNum=1").then().statusCode(200)
                .body("user", equalTo(DigestServer.USER)).body("target", equalTo("/api/public/v1.0/groups?pageNum=1"));
        caller().header("X-Test-Call", second).get(PROXY + opsManager + "/groups").then().statusCode(200);
        caller().header("X-Test-Call", third).get(PROXY + opsManager + "/groups").then().statusCode(200)
                .body("user", equalTo(DigestServer.USER));

        List<String> challenged = md5.arrivals(first);
        assertEquals(2, challenged.size(), "the first call is challenged, then answers: " + challenged);
        assertEquals("", challenged.get(0));
        assertTrue(challenged.get(1).startsWith("Digest username=\"ops-public-key\", realm=\"Ops Manager\","
                + " uri=\"/api/public/v1.0/groups?pageNum=1\", algorithm=MD5"), challenged.get(1));
        assertTrue(challenged.get(1).contains("nc=00000001"), challenged.get(1));
        List<String> reused = md5.arrivals(second);
        assertEquals(1, reused.size(), "the second call answers the kept challenge at once: " + reused);
        assertTrue(reused.get(0).contains("nc=00000002") && reused.get(0).contains(nonce(challenged.get(1))), reused.get(0));
        List<String> stale = md5.arrivals(third);
        assertEquals(2, stale.size(), "the third use of the nonce is stale, answered once more: " + stale);
        assertTrue(stale.get(0).contains("nc=00000003"), stale.get(0));
        assertTrue(stale.get(1).contains("nc=00000001"), stale.get(1));
        assertFalse(nonce(stale.get(1)).equals(nonce(stale.get(0))));
    }

    @Test
    void aSha256ChallengeIsAnsweredAndTheCallersBodyIsSentWithTheAnswer() {
        UUID opsManager = opsManager(sha256, DigestServer.PASSWORD);
        String call = call();

        caller().header("X-Test-Call", call).contentType("application/json").body("{\"name\": \"new project\"}")
                .post(PROXY + opsManager + "/groups").then().statusCode(200).body("method", equalTo("POST"))
                .body("user", equalTo(DigestServer.USER));

        List<String> arrivals = sha256.arrivals(call);
        assertEquals(2, arrivals.size(), arrivals.toString());
        assertTrue(arrivals.get(1).contains("algorithm=SHA-256") && arrivals.get(1).contains("qop=auth"), arrivals.get(1));
    }

    @Test
    void aWrongPasswordsRefusalReachesTheCallerAfterOneAnswer() {
        UUID opsManager = opsManager(md5, "not-the-private-key");
        String first = call();
        String second = call();

        caller().header("X-Test-Call", first).get(PROXY + opsManager + "/groups").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Digest realm=\"Ops Manager\""));
        caller().header("X-Test-Call", second).get(PROXY + opsManager + "/groups").then().statusCode(401);

        assertEquals(2, md5.arrivals(first).size(), md5.arrivals(first).toString());
        assertEquals(1, md5.arrivals(second).size(), "the next call answers the newest challenge, once: "
                + md5.arrivals(second));
    }

    /** A custom Digest auth config (any API behind Digest, no catalog entry) is called the same way. */
    @Test
    void aCustomDigestSchemesCallsAnswerTheChallenge() {
        UUID custom = connections.custom(tenant, "digest",
                Map.of("baseUrl", sha256.url() + "/api", "username", DigestServer.USER), Map.of("password", DigestServer.PASSWORD));
        String call = call();

        caller().header("X-Test-Call", call).get(PROXY + custom + "/status").then().statusCode(200)
                .body("user", equalTo(DigestServer.USER)).body("target", equalTo("/api/status"));
        List<String> arrivals = sha256.arrivals(call);
        assertEquals(2, arrivals.size(), arrivals.toString());
        assertTrue(arrivals.get(1).startsWith("Digest username=\"ops-public-key\""), arrivals.get(1));
    }

    private UUID opsManager(DigestServer server, String password) {
        return connections.withCredentials(tenant, "mongodb-ops-manager", "digest",
                Map.of("url", server.url(), "username", DigestServer.USER), Map.of("password", password));
    }

    private static String nonce(String authorization) {
        return authorization.replaceAll(".*, nonce=\"([^\"]+)\".*", "$1");
    }
}
