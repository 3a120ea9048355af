package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Test" runs against real systems: the test OAuth2 server, this machine's PostgreSQL, closed ports. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class AuthConfigTestingTest extends AuthConfigTestBase {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void clientCredentialsAreProvedByARealTokenRequest() {
        String tenant = newTenant();
        String id = created(tenant, customOAuth2(OidcTestServer.current().issuerUrl() + "/token"));

        as(tenant, "developer").post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                .body("tested", equalTo(true)).body("ok", equalTo(true)).body("status", equalTo("ACTIVE"))
                .body("message", containsString("issued a token"));

        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("lastTest.ok", equalTo(true))
                .header("ETag", equalTo("\"0\""));
        var events = TopicReader.readUntil(bootstrapServers, "latchkey.auth-configs.v1",
                record -> record.key().equals(id) && record.value().contains("auth_config.tested"), Duration.ofSeconds(20));
        assertTrue(events.get(events.size() - 1).value().contains("auth_config.tested"));
    }

    @Test
    void aNativeConnectorIsProbedAgainstThisMachinesPostgresql() {
        String tenant = newTenant();
        String good = created(tenant, postgres("good", "postgres"));
        String wrong = created(tenant, postgres("wrong", "no_such_role_for_latchkey"));

        admin(tenant).post(AUTH_CONFIGS + "/" + good + "/test").then().statusCode(200)
                .body("ok", equalTo(true)).body("status", equalTo("ACTIVE"));
        admin(tenant).post(AUTH_CONFIGS + "/" + wrong + "/test").then().statusCode(200)
                .body("ok", equalTo(false)).body("category", equalTo("AUTH_FAILED")).body("status", equalTo("ERROR"))
                .body("message", not(containsString("wrong-password")));
    }

    @Test
    void aClosedTokenEndpointIsUnreachable() {
        String tenant = newTenant();
        String id = created(tenant, customOAuth2("https://127.0.0.1:1/token"));

        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                .body("ok", equalTo(false)).body("category", equalTo("UNREACHABLE")).body("status", equalTo("ERROR"));
    }

    @Test
    void theCloudMetadataAddressIsRefusedByTheSsrfGuard() {
        String tenant = newTenant();
        String id = created(tenant, customOAuth2("https://169.254.169.254/latest/token"));

        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                .body("ok", equalTo(false)).body("category", equalTo("CONFIG")).body("message", containsString("not allowed"));
    }

    @Test
    void aCustomKeySchemeHasNothingToCallAndSaysSoInTheShapeConnectionsUse() {
        String tenant = newTenant();
        String id = created(tenant, apiKeyBody("key", "a-key"));

        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                .body("tested", equalTo(false)).body("ok", equalTo(false)).body("category", equalTo(null))
                .body("status", equalTo("ACTIVE"))
                .body("message", containsString("declares no test request"));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("lastTest.tested", equalTo(false))
                .body("lastTest.latencyMs", equalTo(0));
    }

    @Test
    void aNativeConnectorWithoutAProbeIsUntestedAndKeepsItsStatus() {
        String tenant = newTenant();
        String id = created(tenant, """
                {"name": "orders", "category": "native_connector", "provider": "sqlserver",
                 "config": {"host": "127.0.0.1", "port": 1433, "database": "orders", "username": "app", "encrypt": true},
                 "secrets": {"password": "sql-password"}}""");

        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                .body("tested", equalTo(false)).body("status", equalTo("ACTIVE"))
                .body("message", containsString("no connection test for sqlserver"));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("status", equalTo("ACTIVE")).body("lastTest.tested", equalTo(false));
    }

    @Test
    void aViewerCannotTest() {
        String tenant = newTenant();
        String id = created(tenant, customOAuth2("https://127.0.0.1:1/token"));

        as(tenant, "viewer").post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(403);
    }

    private static String customOAuth2(String tokenUrl) {
        return """
                {"name": "oauth", "category": "custom", "type": "oauth2",
                 "config": {"authorizationUrl": "https://id.example.com/authorize", "tokenUrl": "%s", "clientId": "latchkey-test"},
                 "secrets": {"clientSecret": "test-client-secret"}}""".formatted(tokenUrl);
    }

    private static String postgres(String name, String user) {
        return """
                {"name": "%s", "category": "native_connector", "provider": "postgresql",
                 "config": {"host": "127.0.0.1", "port": 5432, "database": "postgres", "username": "%s", "sslMode": "disable"},
                 "secrets": {"password": "wrong-password"}}""".formatted(name, user);
    }
}
