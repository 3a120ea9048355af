package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "Test" on an edit form, before "Save": the auth config as the edit would leave it, tested against a real token
 * endpoint (a loopback HTTP server that records each request's form, the client secret in it), and nothing stored.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class TestAnEditTest extends AuthConfigTestBase {

    @Test
    void theEditIsTestedWithTheStoredSecretAndNothingOfItIsStored() {
        String tenant = newTenant();
        try (var provider = ScriptedTokenEndpoint.start()) {
            String id = created(tenant, clientCredentials(provider.tokenUrl()));

            as(tenant, "developer").body("{\"config\": {\"clientId\": \"renamed-client\"}}")
                    .post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                    .body("ok", equalTo(true)).body("status", nullValue())
                    .body(not(containsString("stored-client-secret")));
            Map<String, String> sent = provider.requests().get(0);
            assertEquals("renamed-client", sent.get("client_id"), "the edited client id");
            assertEquals("stored-client-secret", sent.get("client_secret"), "the secret left out is the stored one");

            as(tenant, "developer").body("{\"secrets\": {\"clientSecret\": \"typed-client-secret\"}}")
                    .post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200).body("ok", equalTo(true));
            assertEquals("typed-client-secret", provider.requests().get(1).get("client_secret"), "the secret typed");

            admin(tenant).get(AUTH_CONFIGS + "/" + id).then().statusCode(200)
                    .body("config.clientId", equalTo("first-client")).body("version", equalTo(0))
                    .body("lastTest", nullValue());
            as(tenant, "developer").post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            assertEquals("stored-client-secret", provider.requests().get(2).get("client_secret"), "the stored one still");
        }
    }

    @Test
    void aStoredSecretIsNotSentWhereTheEditWouldMoveIt() {
        String tenant = newTenant();
        try (var provider = ScriptedTokenEndpoint.start(); var elsewhere = ScriptedTokenEndpoint.start()) {
            String id = created(tenant, clientCredentials(provider.tokenUrl()));

            as(tenant, "developer").body("{\"config\": {\"tokenUrl\": \"" + elsewhere.tokenUrl() + "\"}}")
                    .post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("secrets.clientSecret"));
            assertEquals(0, elsewhere.requests().size(), "the other token URL got nothing");

            as(tenant, "developer").body("{\"config\": {\"tokenUrl\": \"" + elsewhere.tokenUrl() + "\"},"
                    + " \"secrets\": {\"clientSecret\": \"its-own-secret\"}}").post(AUTH_CONFIGS + "/" + id + "/test")
                    .then().statusCode(200).body("ok", equalTo(true));
            assertEquals("its-own-secret", elsewhere.requests().get(0).get("client_secret"));
            assertEquals(0, provider.requests().size(), "the stored destination was not called");
        }
    }

    @Test
    void changesAnEditWouldRefuseAreRefusedAndOnlyTestersOfTheTenantTest() {
        String tenant = newTenant();
        try (var provider = ScriptedTokenEndpoint.start()) {
            String id = created(tenant, clientCredentials(provider.tokenUrl()));

            admin(tenant).body("{\"config\": {\"tokenRequestAuth\": \"private_key_jwt\"}}")
                    .post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(400).body("errors.field", contains("config.tokenRequestAuth"));
            as(tenant, "viewer").body("{\"config\": {\"clientId\": \"x\"}}").post(AUTH_CONFIGS + "/" + id + "/test")
                    .then().statusCode(403);
            admin(newTenant()).body("{\"config\": {\"clientId\": \"x\"}}").post(AUTH_CONFIGS + "/" + id + "/test")
                    .then().statusCode(404);
            assertEquals(0, provider.requests().size(), "nothing refused was sent");
        }
    }

    private static String clientCredentials(String tokenUrl) {
        return """
                {"name": "oauth", "category": "custom", "type": "oauth2_client_credentials",
                 "config": {"tokenUrl": "%s", "clientId": "first-client", "tokenRequestAuth": "client_secret_post"},
                 "secrets": {"clientSecret": "stored-client-secret"}}""".formatted(tokenUrl);
    }
}
