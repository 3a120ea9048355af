package dev.latchkey.gateway.rest;

import dev.latchkey.gateway.rest.RecordingApi.Received;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A custom auth config that names a {@code baseUrl} is called like a catalog entry, its credentials placed as its
 * settings say: an API key in a query parameter or a cookie after its prefix, a bearer token under a header of its
 * own, or none at all. The provider (a real server) records what it received.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
class CustomSchemesTest extends ProxyTestBase {

    private static final String KEY = "custom-key-canary";

    @Test
    void aKeyInTheQueryGoesAfterItsPrefixAndTheCallerCannotReplaceIt() {
        UUID id = custom("api_key", Map.of("name", "api_key", "in", "query", "prefix", "k-"), Map.of("apiKey", KEY));
        String call = call();

        caller().header("X-Test-Call", call).get(PROXY + id + "/items?api_key=forged&page=2").then().statusCode(200);

        assertEquals("/v2/items?page=2&api_key=k-" + KEY, RecordingApi.received(call).pathAndQuery());
    }

    @Test
    void aKeyInACookieReplacesTheCallersCookies() {
        UUID id = custom("api_key", Map.of("name", "session", "in", "cookie", "prefix", ""), Map.of("apiKey", KEY));
        String call = call();

        caller().header("X-Test-Call", call).header("Cookie", "session=the-callers-own").get(PROXY + id + "/items").then().statusCode(200);

        assertEquals("session=" + KEY, RecordingApi.received(call).header("Cookie"));
    }

    @Test
    void aBearerTokenGoesUnderItsOwnHeaderAfterItsPrefix() {
        UUID id = custom("bearer", Map.of("headerName", "X-Api-Token", "prefix", "Token "), Map.of("token", KEY));
        String call = call();

        caller().header("X-Test-Call", call).get(PROXY + id + "/items").then().statusCode(200);

        Received received = RecordingApi.received(call);
        assertEquals("Token " + KEY, received.header("X-Api-Token"));
        assertNull(received.header("Authorization"));
    }

    @Test
    void anApiWithoutAuthenticationIsCalledWithNoCredentialAndNoneOfTheCallers() {
        UUID id = custom("no_auth", Map.of(), Map.of());
        String call = call();

        caller().header("X-Test-Call", call).header("Authorization", "Bearer callers-own").get(PROXY + id + "/items").then().statusCode(200);

        assertNull(RecordingApi.received(call).header("Authorization"));
    }

    @Test
    void aCustomAuthConfigWithoutABaseUrlNamesNoApiToCall() {
        UUID id = connections.custom(tenant, "bearer", Map.of(), Map.of("token", KEY));

        caller().get(PROXY + id + "/items").then().statusCode(409).body("detail", containsString("give it a baseUrl"));
    }

    private UUID custom(String authType, Map<String, Object> placement, Map<String, String> secrets) {
        Map<String, Object> settings = new java.util.HashMap<>(placement);
        settings.put("baseUrl", "https://" + RecordingApi.tlsHost() + "/v2");
        return connections.custom(tenant, authType, settings, secrets);
    }
}
