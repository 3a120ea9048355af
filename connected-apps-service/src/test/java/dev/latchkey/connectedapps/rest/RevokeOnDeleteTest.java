package dev.latchkey.connectedapps.rest;

import dev.latchkey.secrets.SecretNotFoundException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting an OAuth2 connection revokes its grant at the provider (RFC 7009) where the provider offers revocation. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class RevokeOnDeleteTest extends ConnectionTestBase {

    @Test
    void deletingRevokesTheRefreshTokenAtTheProviderAndDestroysTheSecret() {
        String id = connectAccount(oauthAuthConfig(Map.of("revocationUrl", provider() + "/revoke")));
        SecretPath path = SecretPath.connection(tenant, UUID.fromString(id));
        String refreshToken = secrets.read(path).await().indefinitely().fields().get("refreshToken");
        assertRefreshes(refreshToken, 200);

        as("admin").delete(CONNECTIONS + "/" + id).then().statusCode(204);

        assertRefreshes(refreshToken, 400);
        assertTrue(deletedEvent(id).contains("\"tokenRevoked\":true"));
        assertThrows(SecretNotFoundException.class, () -> secrets.read(path).await().indefinitely());
        as("admin").get(CONNECTIONS + "/" + id).then().statusCode(404);
    }

    @Test
    void withoutARevocationUrlTheConnectionIsStillDeleted() {
        String id = connectAccount(oauthAuthConfig(Map.of()));

        as("admin").delete(CONNECTIONS + "/" + id).then().statusCode(204);

        assertTrue(deletedEvent(id).contains("\"tokenRevoked\":false"));
    }

    @Test
    void aProviderThatIsDownDoesNotKeepTheConnectionAlive() {
        String id = connectAccount(oauthAuthConfig(Map.of("revocationUrl", "http://127.0.0.1:1/revoke")));

        as("admin").delete(CONNECTIONS + "/" + id).then().statusCode(204);

        assertTrue(deletedEvent(id).contains("\"tokenRevoked\":false"));
        as("developer").get(CONNECTIONS + "/" + id).then().statusCode(404);
    }

    /** A refresh-token grant at the provider: 200 while the grant lives, 400 (invalid_grant) once revoked. */
    private static void assertRefreshes(String refreshToken, int status) {
        given().contentType("application/x-www-form-urlencoded").auth().preemptive().basic("demo-client", "demo-secret")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post(provider() + "/token").then().statusCode(status);
    }

    private String deletedEvent(String id) {
        var records = TopicReader.readUntil(bootstrapServers, "latchkey.connections.v1",
                record -> record.key().equals(id) && record.value().contains("connection.deleted"), Duration.ofSeconds(20));
        return records.get(records.size() - 1).value();
    }
}
