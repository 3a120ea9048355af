package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** "Test" before "Create": settings tested against the real system as they are typed, and nothing kept of them. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class TestBeforeSavingTest extends AuthConfigTestBase {

    private static final String DRAFTS = AUTH_CONFIGS + "/test";

    @Test
    void unsavedClientCredentialsAreProvedByARealTokenRequestAndNothingIsStored() {
        String tenant = newTenant();
        as(tenant, "developer").contentType("application/json").body(draft(OidcTestServer.current().issuerUrl() + "/token"))
                .post(DRAFTS).then().statusCode(200)
                .body("tested", equalTo(true)).body("ok", equalTo(true)).body("status", nullValue())
                .body("message", containsString("issued a token"));
        admin(tenant).get(AUTH_CONFIGS).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aClosedTokenEndpointFailsTheTestWithoutTheSecretInTheAnswer() {
        String tenant = newTenant();
        admin(tenant).contentType("application/json").body(draft("https://127.0.0.1:1/token")).post(DRAFTS).then()
                .statusCode(200).body("ok", equalTo(false)).body("category", equalTo("UNREACHABLE"))
                .body(not(containsString("test-client-secret")));
    }

    @Test
    void settingsACreateWouldRefuseAreRefusedAndAViewerMayNotTest() {
        String tenant = newTenant();
        admin(tenant).contentType("application/json").body("""
                {"category": "custom", "type": "oauth2", "config": {"tokenUrl": "https://id.example.com/token"}}""")
                .post(DRAFTS).then().statusCode(400).body("errors.field", hasItem("secrets.clientSecret"))
                .body("errors.field", hasItem("config.clientId"));
        as(tenant, "viewer").contentType("application/json").body(draft("https://127.0.0.1:1/token")).post(DRAFTS)
                .then().statusCode(403);
    }

    private static String draft(String tokenUrl) {
        return """
                {"category": "custom", "type": "oauth2",
                 "config": {"authorizationUrl": "https://id.example.com/authorize", "tokenUrl": "%s", "clientId": "latchkey-test"},
                 "secrets": {"clientSecret": "test-client-secret"}}""".formatted(tokenUrl);
    }
}
