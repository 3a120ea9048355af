package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.ConnectedAppsProcess;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(ConnectedAppsProcess.class)
class AuthConfigLifecycleTest extends AuthConfigTestBase {

    @BeforeEach
    void connectedAppsServiceRuns() {
        ConnectedAppsProcess.ensureRunning();
    }


    private static final String GITHUB = """
            {"name": "GitHub prod", "category": "oauth2_provider", "provider": "github", "environment": "production",
             "config": {"clientId": "Iv1.abc", "scopes": ["repo", "read:user"]},
             "secrets": {"clientSecret": "gh-client-secret-0123456789abcdef"}}""";

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anOAuth2ProviderConfigShowsItsSecretOnlyAsSetWithAHint() {
        String tenant = newTenant();
        String body = create(tenant, GITHUB).statusCode(201)
                .header("Location", containsString(AUTH_CONFIGS + "/"))
                .body("provider", equalTo("github"))
                .body("type", equalTo("oauth2"))
                .body("status", equalTo("ACTIVE"))
                .body("config.clientId", equalTo("Iv1.abc"))
                .body("secrets.clientSecret.set", equalTo(true))
                .body("secrets.clientSecret.hint", equalTo("…cdef"))
                .body("redirectUri", equalTo("http://localhost:8082/oauth/callback"))
                .extract().asString();
        assertTrue(!body.contains("gh-client-secret-0123456789abcdef"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\": \"n\", \"category\": \"custom\", \"type\": \"no_auth\"}",
            "{\"name\": \"n\", \"category\": \"custom\", \"type\": \"oauth2\", \"config\": {\"authorizationUrl\": \"https://id.example.com/authorize\", \"tokenUrl\": \"https://id.example.com/token\", \"clientId\": \"c\", \"scopes\": [\"read\"], \"tokenRequestAuth\": \"client_secret_post\"}, \"secrets\": {\"clientSecret\": \"s\"}}",
            "{\"name\": \"n\", \"category\": \"custom\", \"type\": \"api_key\", \"config\": {\"name\": \"api_key\", \"in\": \"query\", \"prefix\": \"\"}, \"secrets\": {\"apiKey\": \"k\"}}",
            "{\"name\": \"n\", \"category\": \"custom\", \"type\": \"bearer_token\", \"config\": {\"headerName\": \"Authorization\", \"prefix\": \"Bearer \"}, \"secrets\": {\"token\": \"t\"}}",
            "{\"name\": \"n\", \"category\": \"custom\", \"type\": \"basic\", \"config\": {\"username\": \"u\"}, \"secrets\": {\"password\": \"p\"}}",
            "{\"name\": \"n\", \"category\": \"native_connector\", \"provider\": \"postgresql\", \"config\": {\"host\": \"db.example.com\", \"port\": 5432, \"database\": \"app\", \"username\": \"app\", \"sslMode\": \"verify-full\"}, \"secrets\": {\"password\": \"p\"}}",
            "{\"name\": \"n\", \"category\": \"oauth2_provider\", \"provider\": \"stripe\", \"secrets\": {\"token\": \"sk_test_x\"}}"})
    void everyCategoryAndCustomTypeRoundTrips(String request) {
        String tenant = newTenant();
        var created = create(tenant, request).statusCode(201).extract();
        String id = created.path("id");

        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("type", equalTo(created.path("type")))
                .body("category", equalTo(created.path("category")))
                .body("config", equalTo(created.path("config")));
    }

    @Test
    void anEditWithTheCurrentETagAppliesAndAStaleOneIs412AndChangesNothing() {
        String tenant = newTenant();
        String id = created(tenant, GITHUB);

        admin(tenant).header("If-Match", "\"0\"").body("{\"name\": \"GitHub main\", \"config\": {\"scopes\": [\"repo\"]}}")
                .patch(AUTH_CONFIGS + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("name", equalTo("GitHub main")).body("config.scopes[0]", equalTo("repo"));
        admin(tenant).header("If-Match", "\"0\"").body("{\"name\": \"lost update\"}")
                .patch(AUTH_CONFIGS + "/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("type", endsWith("precondition-failed"));

        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("name", equalTo("GitHub main"));
    }

    @Test
    void anEditIsTakenAsAMergePatchUnderItsOwnMediaTypeToo() {
        String tenant = newTenant();
        String id = created(tenant, GITHUB);

        admin(tenant).contentType("application/merge-patch+json").body("{\"description\": \"Sent as RFC 7386 says\"}")
                .patch(AUTH_CONFIGS + "/" + id).then().statusCode(200).body("description", equalTo("Sent as RFC 7386 says"));
        admin(tenant).contentType("text/plain").body("{\"description\": \"x\"}").patch(AUTH_CONFIGS + "/" + id).then()
                .statusCode(415);
    }

    @Test
    void aNewSecretReplacesOnlyThatFieldAndItsHintAndTheOldVersionIsErased() {
        String tenant = newTenant();
        String id = created(tenant, GITHUB);

        admin(tenant).body("{\"secrets\": {\"clientSecret\": \"rotated-secret-abcdefghij-9876\"}}")
                .patch(AUTH_CONFIGS + "/" + id).then().statusCode(200)
                .body("secrets.clientSecret.hint", equalTo("…9876"))
                .body("config.clientId", equalTo("Iv1.abc"));
        assertEquals(List.of(2L), secretVersions(tenant, id), "the old client secret is kept no longer than needed");
    }

    @Test
    void deletingRemovesTheConfigAndDestroysItsSecret() {
        String tenant = newTenant();
        String id = created(tenant, GITHUB);

        admin(tenant).delete(AUTH_CONFIGS + "/" + id).then().statusCode(204);

        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().statusCode(404);
        assertEquals(List.of(), secretVersions(tenant, id));
    }

    @Test
    void creationIsPublishedWithoutTheSecret() {
        String tenant = newTenant();
        String id = created(tenant, GITHUB);

        var records = TopicReader.readUntil(bootstrapServers, "latchkey.auth-configs.v1",
                record -> record.key().equals(id), Duration.ofSeconds(20));
        var record = records.get(records.size() - 1);
        assertEquals(id, record.key());
        assertTrue(record.value().contains("\"type\":\"dev.latchkey.auth_config.created.v1\""), record.value());
        assertTrue(!record.value().contains("gh-client-secret"), record.value());
    }

    @Test
    void aListIsFilteredSortedAndPagedByCursor() {
        String tenant = newTenant();
        for (String name : new String[] {"charlie", "alpha", "bravo"}) {
            created(tenant, apiKeyBody(name, "key-" + name));
        }
        created(tenant, GITHUB);

        var first = admin(tenant).queryParam("type", "api_key").queryParam("sort", "name").queryParam("limit", 2)
                .get(AUTH_CONFIGS).then().statusCode(200)
                .body("items.name", equalTo(List.of("alpha", "bravo")))
                .body("nextCursor", not(nullValue())).extract();
        admin(tenant).queryParam("type", "api_key").queryParam("sort", "name").queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("nextCursor"))
                .get(AUTH_CONFIGS).then().statusCode(200)
                .body("items.name", equalTo(List.of("charlie")))
                .body("nextCursor", nullValue());
        admin(tenant).queryParam("q", "HUB").get(AUTH_CONFIGS).then()
                .body("items.name", equalTo(List.of("GitHub prod")));
    }

    private List<Long> secretVersions(String tenant, String id) {
        List<Long> versions = new ArrayList<>();
        pool.preparedQuery("SELECT version FROM secrets.secrets WHERE path = $1 ORDER BY version")
                .execute(Tuple.of("tenants/" + tenant + "/auth-configs/" + id))
                .await().indefinitely().forEach(row -> versions.add(row.getLong("version")));
        return versions;
    }
}
