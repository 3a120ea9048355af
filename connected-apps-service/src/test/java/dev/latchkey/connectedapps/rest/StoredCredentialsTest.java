package dev.latchkey.connectedapps.rest;

import dev.latchkey.secrets.SecretPath;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * Credential reads are served from what this replica keeps, and a change made anywhere (another replica, another
 * service, the shared secret store) reaches the next reads through PostgreSQL's notifications. Changes here are made
 * as another replica makes them: straight in the database, with nothing said to this service.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class StoredCredentialsTest extends ConnectionTestBase {

    @Test
    void changesMadeElsewhereReachTheNextReadsAndOtherTenantsNeverSeeKeptOnes() {
        UUID authConfig = apiKeyAuthConfig("first-key");
        String id = connectionRead(authConfig, "first-key");
        asIn("someone" + tenant, "credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(404);

        // auth-config-service rotates the key in the shared store.
        secrets.write(SecretPath.authConfig(tenant, authConfig), Map.of("apiKey", "rotated-key"), 1).await().indefinitely();
        awaitApiKey(id, "rotated-key");

        // Its edit arrives as an event and changes the known auth config.
        authConfigs.update(tenant, authConfig, 1, Map.of("name", "X-Other-Key", "in", "header"));
        Eventually.holds("the edited header name is handed out", () -> credentials(id).statusCode(200)
                .body("credentials.name", equalTo("X-Other-Key")));

        // Another replica's change of the connection itself.
        sql("UPDATE connections SET status = 'EXPIRED' WHERE id = $1", id);
        Eventually.holds("the expired connection is refused", () -> credentials(id).statusCode(409));
    }

    @Test
    void readsAreServedFromMemoryUntilTheNotificationsCanNoLongerBeHeard() {
        UUID authConfig = apiKeyAuthConfig("kept-key");
        String id = connectionRead(authConfig, "kept-key");
        sql("ALTER TABLE connections DISABLE TRIGGER connection_changed");
        try {
            sql("UPDATE connections SET status = 'ERROR' WHERE id = $1", id);
            // Nothing was notified: the read is the kept one, which proves reads do not go to the database.
            credentials(id).statusCode(200).body("credentials.apiKey", equalTo("kept-key"));

            sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND query LIKE 'LISTEN %\\_changes%'");
            Eventually.holds("a replica that stopped hearing changes reads the database", () -> credentials(id).statusCode(409));
            Eventually.until("the replica listens again", () -> pool.query("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND query LIKE 'LISTEN %\\_changes%'").execute().await().indefinitely()
                    .iterator().next().getLong(0) == 1);
        } finally {
            sql("ALTER TABLE connections ENABLE TRIGGER connection_changed");
        }
        sql("UPDATE connections SET status = 'ACTIVE' WHERE id = $1", id);
        awaitApiKey(id, "kept-key");
    }

    private UUID apiKeyAuthConfig(String apiKey) {
        return authConfigs.create(tenant, null, "api_key", Map.of("name", "X-API-Key", "in", "header"), Map.of("apiKey", apiKey));
    }

    /** A connection made from {@code authConfig}, read once: its credentials are kept from then on. */
    private String connectionRead(UUID authConfig, String apiKey) {
        String id = as("developer").body(connection(authConfig, "{}")).post(CONNECTIONS).then().statusCode(201)
                .extract().path("id");
        awaitApiKey(id, apiKey);
        return id;
    }

    private void awaitApiKey(String id, String apiKey) {
        Eventually.holds("the API key " + apiKey + " is handed out", () -> credentials(id).statusCode(200)
                .body("credentials.apiKey", equalTo(apiKey)));
    }

    private io.restassured.response.ValidatableResponse credentials(String id) {
        return as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then();
    }

    private void sql(String statement, Object... parameters) {
        pool.preparedQuery(statement).execute(Tuple.from(parameters)).await().indefinitely();
    }
}
