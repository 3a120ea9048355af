package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.ApiCall;
import dev.latchkey.testing.ConnectedAppsProcess;
import dev.latchkey.testing.HttpAnswer;
import dev.latchkey.testing.PublishedContract;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** auth-config-service's OpenAPI document against what the service answers, and the bad-input corpus. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(ConnectedAppsProcess.class)
class PublishedContractTest extends PublishedContract {

    private static final String ID = AuthConfigTestBase.AUTH_CONFIGS + "/{id}";

    @BeforeEach
    void connectedAppsServiceRuns() {
        ConnectedAppsProcess.ensureRunning();
    }

    @Test
    void anAuthConfigsLifeAnswersAsDeclared() {
        String admin = mayDoEverything();
        HttpAnswer created = ApiCall.json("POST", AuthConfigTestBase.AUTH_CONFIGS, admin,
                AuthConfigTestBase.apiKeyBody("Contract", "contract-key-0123456789")).send();
        assertEquals(201, created.status(), created.toString());
        assertDeclared("POST", AuthConfigTestBase.AUTH_CONFIGS, created);
        String path = AuthConfigTestBase.AUTH_CONFIGS + "/" + created.json().orElseThrow().path("id").asText();

        assertDeclared("GET", ID, ApiCall.json("GET", path, admin, null).send());
        assertDeclared("PATCH", ID, ApiCall.json("PATCH", path, admin, "{\"description\": \"changed\"}").send());
        HttpAnswer sameName = ApiCall.json("POST", AuthConfigTestBase.AUTH_CONFIGS, admin,
                AuthConfigTestBase.apiKeyBody("Contract", "contract-key-0123456789")).send();
        assertEquals(409, sameName.status(), sameName.toString());
        assertDeclared("POST", AuthConfigTestBase.AUTH_CONFIGS, sameName);
        assertDeclared("POST", ID + "/test", ApiCall.json("POST", path + "/test", admin, null).send());
        assertDeclared("POST", AuthConfigTestBase.AUTH_CONFIGS + "/test", ApiCall.json("POST", AuthConfigTestBase.AUTH_CONFIGS + "/test",
                admin, "{\"category\": \"custom\", \"type\": \"no_auth\"}").send());
        HttpAnswer deleted = ApiCall.json("DELETE", path, admin, null).send();
        assertEquals(204, deleted.status(), deleted.toString());
        assertDeclared("DELETE", ID, deleted);
    }

    @Test
    void aCatalogEntryAnswersAsDeclared() {
        assertDeclared("GET", "/api/v1/catalog/{key}", ApiCall.json("GET", "/api/v1/catalog/github", mayDoEverything(), null).send());
        assertDeclared("GET", "/api/v1/catalog/{key}/actions",
                ApiCall.json("GET", "/api/v1/catalog/github/actions", mayDoEverything(), null).send());
        assertDeclared("GET", "/api/v1/catalog/custom", ApiCall.json("GET", "/api/v1/catalog/custom", mayDoEverything(), null).send());
    }
}
