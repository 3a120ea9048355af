package dev.latchkey.connectedapps.rest;

import dev.latchkey.secrets.SecretStore;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ConnectionLifecycleTest {

    private static final String CONNECTIONS = "/api/v1/connections";
    private static final String CANARY = "canary-token-5d1e-never-in-a-view";

    @Inject
    SecretStore secrets;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private AuthConfigs authConfigs;
    private String tenant;

    @BeforeEach
    void newTenant() {
        authConfigs = new AuthConfigs(bootstrapServers, secrets, pool);
        tenant = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void aConnectionInheritsItsAuthConfigsKeyAndHandsItOutOnlyToCredentialsReaders() {
        UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"),
                Map.of("apiKey", CANARY));
        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("type", equalTo("api_key")).extract().path("id");

        as("admin").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(403);
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.apiKey", equalTo(CANARY)).body("credentials.name", equalTo("X-API-Key"));

        as("viewer").get(CONNECTIONS + "/" + id).then().statusCode(200).body("lastUsedAt", notNullValue());
        var reads = TopicReader.readUntil(bootstrapServers, "latchkey.access.v1", r -> r.key().equals(id), Duration.ofSeconds(20));
        assertTrue(reads.get(reads.size() - 1).value().contains("access.credentials_read"));
    }

    @Test
    void aCatalogAppsTokenIsRequiredWhenTheAuthConfigHoldsNoneAndNeverShownInAView() {
        UUID authConfig = authConfigs.create(tenant, "stripe", "bearer", Map.of(), Map.of());

        as("admin").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(400)
                .body("errors.field", hasItem("credentials.token"));
        var created = as("admin").body(connection(authConfig, "{\"token\": \"" + CANARY + "\"}")).post(CONNECTIONS)
                .then().statusCode(201).body("secretFields", equalTo(List.of("token"))).extract();
        String id = created.path("id");

        List<String> views = List.of(created.asString(), as("admin").get(CONNECTIONS + "/" + id).asString(),
                as("admin").get(CONNECTIONS).asString());
        views.forEach(view -> assertFalse(view.contains(CANARY), view));
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().body("credentials.token", equalTo(CANARY));
        TopicReader.readFor(bootstrapServers, "latchkey.connections.v1", Duration.ofSeconds(3))
                .forEach(record -> assertFalse(record.value().contains(CANARY), record.value()));
    }

    @Test
    void aNativeConnectionOverridesItsAuthConfigsParameters() {
        UUID authConfig = authConfigs.create(tenant, "postgresql", "native",
                Map.of("host", "db.example.com", "port", 5432, "database", "app", "username", "app", "sslMode", "require"),
                Map.of("password", "pw"));
        String id = as("admin").body(connection(authConfig, "{\"database\": \"reporting\"}")).post(CONNECTIONS)
                .then().statusCode(201).extract().path("id");

        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                .body("credentials.database", equalTo("reporting")).body("credentials.host", equalTo("db.example.com"))
                .body("credentials.password", equalTo("pw"));
    }

    @Test
    void clientCredentialsAndUnknownAuthConfigsAreRefusedWithTheFieldNamed() {
        UUID client = authConfigs.create(tenant, "paypal", "oauth2_client_credentials", Map.of("clientId", "c"),
                Map.of("clientSecret", "s"));

        as("admin").body(connection(client, "{}")).post(CONNECTIONS).then().statusCode(400).body("errors.field", hasItem("authConfigId"));
        as("admin").body(connection(UUID.randomUUID(), "{}")).post(CONNECTIONS).then().statusCode(400)
                .body("errors.field", hasItem("authConfigId"));
        as("admin").get(CONNECTIONS).then().body("items.size()", equalTo(0));
    }

    @Test
    void rolesAndTenantsBoundEveryVerb() {
        UUID authConfig = authConfigs.create(tenant, null, "api_key", Map.of("name", "k", "in", "query"), Map.of("apiKey", "k"));
        as("viewer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(403);
        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201).extract().path("id");
        as("developer").body("{\"name\": \"renamed\", \"metadata\": {\"team\": \"growth\"}}").patch(CONNECTIONS + "/" + id)
                .then().statusCode(200).body("name", equalTo("renamed")).body("metadata.team", equalTo("growth"));
        as("developer").delete(CONNECTIONS + "/" + id).then().statusCode(403);

        var intruder = given().auth().oauth2(OidcTestServer.current().accessToken("other", "mallory", "admin", "credentials:read"))
                .contentType(ContentType.JSON);
        intruder.get(CONNECTIONS + "/" + id).then().statusCode(404);
        intruder.get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(404);
        intruder.body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(400);

        as("admin").delete(CONNECTIONS + "/" + id).then().statusCode(204);
        as("admin").get(CONNECTIONS + "/" + id).then().statusCode(404);
    }

    private RequestSpecification as(String role) {
        return given().auth().oauth2(OidcTestServer.current().accessToken(tenant, "user", role)).contentType(ContentType.JSON);
    }

    private static String connection(UUID authConfigId, String credentials) {
        return """
                {"authConfigId": "%s", "environment": "production", "name": "acme account", "endUserId": "user-42",
                 "credentials": %s}""".formatted(authConfigId, credentials);
    }
}
