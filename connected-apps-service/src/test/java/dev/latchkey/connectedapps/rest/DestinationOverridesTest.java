package dev.latchkey.connectedapps.rest;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A connection that points somewhere else than its auth config brings its own secrets: the auth config's password
 * never goes to a host, port or TLS mode a connection (or a connect link's end user) names.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class DestinationOverridesTest extends ConnectionTestBase {

    @Test
    void aConnectionToAnotherPortCannotBorrowTheAuthConfigsPassword() {
        UUID authConfig = postgres();

        as("developer").body(connection(authConfig, "{\"username\": \"postgres\", \"port\": 6543}")).post(CONNECTIONS).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("credentials.password"))
                .body("errors[0].message", containsString("credentials.port"));
        as("developer").body(connection(authConfig, "{\"username\": \"postgres\", \"sslMode\": \"require\"}"))
                .post(CONNECTIONS).then().statusCode(400).body("errors.field", contains("credentials.password"));
        as("viewer").get(CONNECTIONS).then().statusCode(200).body("items", empty());
    }

    @Test
    void aConnectionWithItsOwnPasswordGoesWhereItSays() {
        UUID authConfig = postgres();

        as("developer").body(connection(authConfig, "{\"username\": \"app\", \"host\": \"db2.example.com\", \"password\": \"own\"}"))
                .post(CONNECTIONS).then().statusCode(201);
        as("developer").body(connection(authConfig, "{\"username\": \"app\", \"host\": \"127.0.0.1\", \"port\": 5432}"))
                .post(CONNECTIONS).then().statusCode(201);
    }

    @Test
    void anOAuth2ConnectionKeepsItsAuthConfigsHost() {
        UUID authConfig = authConfigs.create(tenant, "gitlab", "oauth2", Map.of("host", "gitlab.com", "clientId", "app"),
                Map.of("clientSecret", "gitlab-secret"));

        as("developer").body(connection(authConfig, "{\"host\": \"gitlab.attacker.example\"}")).post(CONNECTIONS).then()
                .statusCode(400).body("errors.field", contains("credentials.host"));
        as("developer").body(connection(authConfig, "{\"host\": \"gitlab.com\"}")).post(CONNECTIONS).then()
                .statusCode(201).body("status", equalTo("PENDING"));
    }

    private UUID postgres() {
        return authConfigs.create(tenant, "postgresql", "native",
                Map.of("host", "127.0.0.1", "port", 5432, "database", "postgres", "sslMode", "disable"),
                Map.of("password", "stored-db-password"));
    }
}
