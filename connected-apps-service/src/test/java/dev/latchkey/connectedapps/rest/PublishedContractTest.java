package dev.latchkey.connectedapps.rest;

import dev.latchkey.secrets.SecretStore;
import dev.latchkey.testing.ApiCall;
import dev.latchkey.testing.HttpAnswer;
import dev.latchkey.testing.PublishedContract;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** connected-apps-service's OpenAPI document against what the service answers, and the bad-input corpus. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class PublishedContractTest extends PublishedContract {

    private static final String ID = ConnectionTestBase.CONNECTIONS + "/{id}";

    @Inject
    SecretStore secrets;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aConnectionsLifeAnswersAsDeclared() {
        UUID authConfig = apiKeyAuthConfig();
        String admin = mayDoEverything();
        HttpAnswer created = ApiCall.json("POST", ConnectionTestBase.CONNECTIONS, admin,
                ConnectionTestBase.connection(authConfig, "{}")).send();
        assertEquals(201, created.status(), created.toString());
        assertDeclared("POST", ConnectionTestBase.CONNECTIONS, created);
        String path = ConnectionTestBase.CONNECTIONS + "/" + created.json().orElseThrow().path("id").asText();

        assertDeclared("GET", ID, ApiCall.json("GET", path, admin, null).send());
        assertDeclared("GET", ID + "/credentials", ApiCall.json("GET", path + "/credentials", admin, null).send());
        assertDeclared("PATCH", ID, ApiCall.json("PATCH", path, admin, "{\"name\": \"renamed\"}").send());
        assertDeclared("POST", ID + "/reauthorize", ApiCall.json("POST", path + "/reauthorize", admin, null).send());
        HttpAnswer deleted = ApiCall.json("DELETE", path, admin, null).send();
        assertEquals(204, deleted.status(), deleted.toString());
        assertDeclared("DELETE", ID, deleted);
    }

    @Test
    void allowedOriginsAndConnectLinksAnswerAsDeclared() {
        String admin = mayDoEverything();
        String origins = "/api/v1/connect-sessions/allowed-origins";
        assertDeclared("PUT", origins, ApiCall.json("PUT", origins, admin, "{\"origins\": [\"https://app.example.com\"]}").send());
        HttpAnswer link = ApiCall.json("POST", "/api/v1/connect-sessions", admin, """
                {"authConfigId": "%s", "environment": "production", "endUserId": "user-1",
                 "returnUrl": "https://app.example.com/done"}""".formatted(apiKeyAuthConfig())).send();
        assertEquals(201, link.status(), link.toString());
        assertDeclared("POST", "/api/v1/connect-sessions", link);
        HttpAnswer opened = ApiCall.json("GET", "/connect/" + link.json().orElseThrow().path("token").asText(), null, null).send();
        assertEquals(303, opened.status(), opened.toString());
        assertDeclared("GET", "/connect/{token}", opened);
    }

    @Test
    void aToolkitsLifeAnswersAsDeclared() {
        String admin = mayDoEverything();
        HttpAnswer created = ApiCall.json("POST", "/api/v1/toolkits", admin, "{\"name\": \"Contract\", \"members\": []}").send();
        assertEquals(201, created.status(), created.toString());
        assertDeclared("POST", "/api/v1/toolkits", created);
        String path = "/api/v1/toolkits/" + created.json().orElseThrow().path("id").asText();
        String one = "/api/v1/toolkits/{id}";

        assertDeclared("GET", "/api/v1/toolkits", ApiCall.json("GET", "/api/v1/toolkits", admin, null).send());
        assertDeclared("GET", one, ApiCall.json("GET", path, admin, null).send());
        assertDeclared("PATCH", one, ApiCall.json("PATCH", path, admin, "{\"description\": \"changed\"}").send());
        HttpAnswer issued = ApiCall.json("POST", path + "/tokens", admin, "{\"name\": \"agent\"}").send();
        assertEquals(201, issued.status(), issued.toString());
        assertDeclared("POST", one + "/tokens", issued);
        assertDeclared("GET", one + "/tokens", ApiCall.json("GET", path + "/tokens", admin, null).send());
        assertDeclared("DELETE", one + "/tokens/{tokenId}", ApiCall.json("DELETE", path + "/tokens/"
                + issued.json().orElseThrow().path("id").asText(), admin, null).send());
        HttpAnswer deleted = ApiCall.json("DELETE", path, admin, null).send();
        assertEquals(204, deleted.status(), deleted.toString());
        assertDeclared("DELETE", one, deleted);
    }

    private UUID apiKeyAuthConfig() {
        return new AuthConfigs(bootstrapServers, secrets, pool).create(tenant, null, "api_key",
                Map.of("name", "X-API-Key", "in", "header"), Map.of("apiKey", "contract-key-0123456789"));
    }
}
