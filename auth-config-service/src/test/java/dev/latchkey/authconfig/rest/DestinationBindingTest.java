package dev.latchkey.authconfig.rest;

import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A secret is bound to its destination: someone who may edit an auth config but not read credentials cannot point
 * it somewhere else and let the next test send the stored secret there. The attacker's endpoint is a real HTTP
 * server on loopback that records every request it gets.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class DestinationBindingTest extends AuthConfigTestBase {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aDeveloperCannotSendTheStoredClientSecretToAnotherTokenUrl() {
        String tenant = newTenant();
        String id = created(tenant, customOAuth2(OidcTestServer.current().issuerUrl() + "/token"));
        try (var attacker = ScriptedTokenEndpoint.start()) {
            as(tenant, "developer").body("{\"config\": {\"tokenUrl\": \"" + attacker.tokenUrl() + "\"}}")
                    .patch(AUTH_CONFIGS + "/" + id).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("secrets.clientSecret"))
                    .body("errors[0].message", containsString("config.tokenUrl"));

            admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("config.tokenUrl", containsString("/token"))
                    .body("version", equalTo(0));
            as(tenant, "developer").post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200).body("ok", equalTo(true));
            assertEquals(0, attacker.requests().size(), "the attacker's endpoint got a request");
        }
    }

    @Test
    void aNewDestinationTakesTheSecretsGivenWithIt() {
        String tenant = newTenant();
        String id = created(tenant, customOAuth2(OidcTestServer.current().issuerUrl() + "/token"));
        try (var other = ScriptedTokenEndpoint.start()) {
            as(tenant, "developer").body("{\"config\": {\"tokenUrl\": \"" + other.tokenUrl() + "\"},"
                    + " \"secrets\": {\"clientSecret\": \"the-other-servers-secret\"}}").patch(AUTH_CONFIGS + "/" + id)
                    .then().statusCode(200).body("config.tokenUrl", equalTo(other.tokenUrl()));

            as(tenant, "developer").post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200);
            assertEquals(1, other.requests().size(), "the new token URL got the test's token request");
        }
    }

    @Test
    void aCallerWhoMayReadCredentialsMovesAnAuthConfigWithoutGivingItsSecretsAgain() {
        String tenant = newTenant();
        String id = created(tenant, customOAuth2("https://idp.example.com/token"));

        as(tenant, "developer", "credentials:read").body("{\"config\": {\"tokenUrl\": \"https://login.example.com/token\"}}")
                .patch(AUTH_CONFIGS + "/" + id).then().statusCode(200)
                .body("config.tokenUrl", equalTo("https://login.example.com/token"));
    }

    @Test
    void aNativeConnectorsHostPortAndTlsModeAreDestinationsButItsDatabaseIsNot() {
        String tenant = newTenant();
        String id = created(tenant, """
                {"name": "db", "category": "native_connector", "provider": "postgresql",
                 "config": {"host": "127.0.0.1", "port": 5432, "database": "postgres", "username": "app", "sslMode": "verify-full"},
                 "secrets": {"password": "db-password"}}""");

        for (String moved : new String[] {"{\"host\": \"db.attacker.example\"}", "{\"port\": 6543}", "{\"sslMode\": \"disable\"}"}) {
            as(tenant, "developer").body("{\"config\": " + moved + "}").patch(AUTH_CONFIGS + "/" + id).then().statusCode(400)
                    .body("errors.field", contains("secrets.password"));
        }
        as(tenant, "developer").body("{\"config\": {\"port\": 5432, \"database\": \"reports\"}}").patch(AUTH_CONFIGS + "/" + id)
                .then().statusCode(200).body("config.database", equalTo("reports"));
        as(tenant, "developer").body("{\"config\": {\"host\": \"db2.example.com\"}, \"secrets\": {\"password\": \"db2-password\"}}")
                .patch(AUTH_CONFIGS + "/" + id).then().statusCode(200).body("config.host", equalTo("db2.example.com"));
    }

    @Test
    void aCatalogProvidersHostIsADestination() {
        String tenant = newTenant();
        String id = created(tenant, """
                {"name": "gitlab", "category": "oauth2_provider", "provider": "gitlab",
                 "config": {"host": "gitlab.com", "clientId": "app"}, "secrets": {"clientSecret": "gitlab-secret"}}""");

        as(tenant, "developer").body("{\"config\": {\"host\": \"gitlab.attacker.example\"}}").patch(AUTH_CONFIGS + "/" + id)
                .then().statusCode(400).body("errors.field", contains("secrets.clientSecret"));
    }

    /** The connections' tokens and passwords were given for the old destination: they never follow it. */
    @Test
    void anAuthConfigThatConnectionsUseKeepsItsDestinationEvenWithNewSecrets() {
        String tenant = newTenant();
        UUID id = UUID.fromString(created(tenant, customOAuth2("https://idp.example.com/token")));
        EventPublisher.publish(bootstrapServers, tenant,
                new ConnectionCreated(UUID.randomUUID(), id, "c", "production", "user-1", "oauth2", "ACTIVE"));
        Eventually.holds("the connection counted",
                () -> admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("connectionCount", equalTo(1)));

        as(tenant, "admin").body("{\"config\": {\"tokenUrl\": \"https://login.example.com/token\"},"
                + " \"secrets\": {\"clientSecret\": \"new\"}}").patch(AUTH_CONFIGS + "/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("1 connection"));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("config.tokenUrl", equalTo("https://idp.example.com/token"));
    }

    private static String customOAuth2(String tokenUrl) {
        return """
                {"name": "oauth", "category": "custom", "type": "oauth2_client_credentials",
                 "config": {"tokenUrl": "%s", "clientId": "latchkey-test"},
                 "secrets": {"clientSecret": "stored-client-secret"}}""".formatted(tokenUrl);
    }
}
