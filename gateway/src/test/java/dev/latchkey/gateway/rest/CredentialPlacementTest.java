package dev.latchkey.gateway.rest;

import dev.latchkey.gateway.rest.RecordingApi.Received;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A call through a connection reaches the provider (a real server that records what it received) with the credentials
 * where the connection's catalog entry puts them, and nothing of the caller's own credentials; the provider's answer
 * comes back as it was.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
class CredentialPlacementTest extends ProxyTestBase {

    @Test
    void anApiKeyGoesInItsHeaderAfterItsPrefixAndTheRequestPassesOnWhole() {
        UUID gitea = gitea();
        String call = call();

        caller().header("X-Test-Call", call).header("Accept", "application/json").contentType("application/json")
                .body("{\"title\": \"a new issue\"}")
                .post(PROXY + gitea + "/repos/acme/app/issues?state=open&labels=bug%2Curgent")
                .then().statusCode(200).body("ok", equalTo(true)).body("method", equalTo("POST"))
                .header("X-Provider-Request-Id", "req-42").header("Set-Cookie", "provider-session=abc; Secure");

        Received received = RecordingApi.received(call);
        assertEquals("POST", received.method());
        assertEquals("/api/v1/repos/acme/app/issues?state=open&labels=bug%2Curgent", received.pathAndQuery());
        assertEquals("token " + GITEA_KEY, received.header("Authorization"));
        assertEquals("application/json", received.header("Accept"));
        assertEquals("{\"title\": \"a new issue\"}", received.body());
    }

    @Test
    void theCallersOwnCredentialsAndHopByHopHeadersNeverReachTheProvider() {
        UUID gitea = gitea();
        String call = call();

        caller().header("X-Test-Call", call).header("Cookie", "caller-session=secret-of-the-caller")
                .header("Proxy-Authorization", "Basic c2VjcmV0").header("Connection", "X-Internal-Hop")
                .header("X-Internal-Hop", "only-for-the-gateway").header("X-Forwarded-For", "10.1.2.3")
                .get(PROXY + gitea + "/user").then().statusCode(200);

        Received received = RecordingApi.received(call);
        assertEquals("token " + GITEA_KEY, received.header("Authorization"));
        assertNull(received.header("Cookie"));
        assertNull(received.header("Proxy-Authorization"));
        assertNull(received.header("X-Internal-Hop"));
        assertNull(received.header("X-Forwarded-For"));
    }

    @Test
    void anEntrysOwnHeadersAndABearerTokenAreSentAsTheEntrySays() {
        UUID newRelic = connections.withCredentials(tenant, "new-relic", "api_key", Map.of("host", RecordingApi.tlsHost()),
                Map.of("apiKey", "NRAK-canary"));
        UUID sentry = connections.withCredentials(tenant, "sentry", "bearer", Map.of("host", RecordingApi.tlsHost()),
                Map.of("token", "sntrys-canary"));
        String first = call();
        String second = call();

        caller().header("X-Test-Call", first).post(PROXY + newRelic + "/graphql").then().statusCode(200);
        caller().header("X-Test-Call", second).get(PROXY + sentry + "/organizations/").then().statusCode(200);

        assertEquals("NRAK-canary", RecordingApi.received(first).header("API-Key"));
        assertEquals("application/json", RecordingApi.received(first).header("Content-Type"));
        assertEquals("/graphql", RecordingApi.received(first).pathAndQuery());
        assertEquals("Bearer sntrys-canary", RecordingApi.received(second).header("Authorization"));
        assertEquals("/api/0/organizations/", RecordingApi.received(second).pathAndQuery());
    }

    @Test
    void basicCredentialsReachAnApiOverPlainHttpWhereTheOperatorAllowsIt() {
        UUID jenkins = connections.withCredentials(tenant, "jenkins", "basic",
                Map.of("url", RecordingApi.plainUrl(), "username", "ci-bot"), Map.of("password", "jenkins-token-canary"));
        String call = call();

        caller().header("X-Test-Call", call).get(PROXY + jenkins + "/api/json").then().statusCode(200);

        assertEquals(RecordingApi.basic("ci-bot", "jenkins-token-canary"), RecordingApi.received(call).header("Authorization"));
    }

    @Test
    void anOAuth2AccountsTokenIsSentAndItsTokenResponseNamesTheApisHost() {
        UUID gitlab = connections.authorized(tenant, "gitlab", Map.of("host", RecordingApi.tlsHost()), "glpat-access-canary",
                Map.of());
        UUID salesforce = connections.authorized(tenant, "salesforce", Map.of(), "00D-access-canary",
                Map.of("instance_url", "https://" + RecordingApi.tlsHost()));
        UUID zendesk = connections.authorized(tenant, "zendesk", Map.of(), "zd-access-canary", Map.of());
        String first = call();
        String second = call();

        caller().header("X-Test-Call", first).get(PROXY + gitlab + "/user").then().statusCode(200);
        caller().header("X-Test-Call", second).get(PROXY + salesforce + "/sobjects/Account/001").then().statusCode(200);

        assertEquals("Bearer glpat-access-canary", RecordingApi.received(first).header("Authorization"));
        assertEquals("/api/v4/user", RecordingApi.received(first).pathAndQuery());
        assertEquals("Bearer 00D-access-canary", RecordingApi.received(second).header("Authorization"));
        assertEquals("/services/data/v66.0/sobjects/Account/001", RecordingApi.received(second).pathAndQuery());
        // Zendesk's API lives under the account's subdomain; this connection names none.
        caller().get(PROXY + zendesk + "/tickets").then().statusCode(409).body("detail", equalTo(
                "The connection lacks what its API's address or credentials need: no value for 'config.subdomain'"));
    }

    @Test
    void aReplacedKeyIsSentFromTheNextCallsOnThoughTheOldOneWasKeptInMemory() {
        UUID gitea = gitea();
        caller().get(PROXY + gitea + "/user").then().statusCode(200);

        connections.replaceSecret(tenant, gitea, Map.of("apiKey", "gitea-key-rotated"));

        Eventually.until("the replaced key sent", () -> {
            String call = call();
            caller().header("X-Test-Call", call).get(PROXY + gitea + "/user").then().statusCode(200);
            return ("token gitea-key-rotated").equals(RecordingApi.received(call).header("Authorization"));
        });
    }

    @Test
    void theProvidersStatusAndAnswerToAHeadRequestComeBackAsTheyWere() {
        UUID gitea = gitea();

        caller().post(PROXY + gitea + "/created").then().statusCode(201);
        caller().head(PROXY + gitea + "/user").then().statusCode(200).header("X-Provider-Request-Id", "req-42")
                .header("Content-Length", nullValue());
    }
}
