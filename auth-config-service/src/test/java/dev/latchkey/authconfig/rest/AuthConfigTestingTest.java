package dev.latchkey.authconfig.rest;

import dev.latchkey.testing.JwtBearerProvider;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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

    /** A JWT bearer client (RFC 7523) is proved by a token for an assertion signed with its key, as connections sign it. */
    @Test
    void aServiceAccountsKeyIsProvedByASignedGrantAndAnUnknownKeyIsRefused() throws IOException {
        String tenant = newTenant();
        try (JwtBearerProvider google = new JwtBearerProvider()) {
            String known = created(tenant, serviceAccount("robot", google.tokenUrl(), google.privateKeyPem()));
            String unknown = created(tenant, serviceAccount("stranger", google.tokenUrl(), JwtBearerProvider.unknownKeyPem()));

            admin(tenant).post(AUTH_CONFIGS + "/" + known + "/test").then().statusCode(200)
                    .body("ok", equalTo(true)).body("message", containsString("signed assertion")).body("status", equalTo("ACTIVE"));
            admin(tenant).post(AUTH_CONFIGS + "/" + unknown + "/test").then().statusCode(200)
                    .body("ok", equalTo(false)).body("category", equalTo("AUTH_FAILED")).body("status", equalTo("ERROR"))
                    .body("message", not(containsString("PRIVATE KEY")));
            admin(tenant).get(AUTH_CONFIGS + "/" + known).then().body("secrets.privateKey.set", equalTo(true))
                    .body(not(containsString("BEGIN PRIVATE KEY")));
            create(tenant, serviceAccount("not a key", google.tokenUrl(), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n"
                    + "-----END PRIVATE KEY-----")).statusCode(400).body("errors.field", hasItem("secrets.privateKey"));
        }
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
                {"name": "orders", "category": "native_connector", "provider": "oracle",
                 "config": {"host": "127.0.0.1", "port": 1521, "serviceName": "orders", "username": "app", "tls": false},
                 "secrets": {"password": "oracle-password"}}""");

        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200)
                .body("tested", equalTo(false)).body("status", equalTo("ACTIVE"))
                .body("message", containsString("no connection test for oracle"));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("status", equalTo("ACTIVE")).body("lastTest.tested", equalTo(false));
    }

    @Test
    void aViewerCannotTest() {
        String tenant = newTenant();
        String id = created(tenant, customOAuth2("https://127.0.0.1:1/token"));

        as(tenant, "viewer").post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(403);
    }

    private static String serviceAccount(String name, String tokenUrl, String privateKey) {
        return """
                {"name": "%s", "category": "custom", "type": "oauth2_jwt_bearer",
                 "config": {"tokenUrl": "%s", "clientId": "%s", "scopes": ["https://www.googleapis.com/auth/drive.readonly"]},
                 "secrets": {"privateKey": "%s"}}""".formatted(name, tokenUrl, JwtBearerProvider.ACCOUNT,
                privateKey.replace("\n", "\\n"));
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
