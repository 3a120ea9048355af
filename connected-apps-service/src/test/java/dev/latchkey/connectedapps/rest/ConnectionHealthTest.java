package dev.latchkey.connectedapps.rest;

import dev.latchkey.events.TokenEvents.TokenExpiring;
import dev.latchkey.events.TokenEvents.TokenRefreshFailed;
import dev.latchkey.events.TokenEvents.TokenRefreshed;
import dev.latchkey.events.Topics;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection's health follows token-refresher's events (which this test publishes, as the refresher would), and
 * an auth config that asks for more scopes flags the connections whose grant lacks them.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class ConnectionHealthTest extends ConnectionTestBase {

    @Test
    void aPermanentRefreshFailureExpiresTheConnectionAndItsCredentialsNameTheFix() {
        String id = connectAccount(oauthAuthConfig(Map.of()));

        refreshFailed(id, "invalid_grant", true, 1);

        Eventually.holds("the connection expired by invalid_grant", () -> as("viewer").get(CONNECTIONS + "/" + id).then()
                .body("status", equalTo("EXPIRED")).body("statusReason", containsString("invalid_grant")));
        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(409)
                .body("detail", containsString("/api/v1/connections/" + id + "/reauthorize"));
        var changes = TopicReader.readUntil(bootstrapServers, Topics.CONNECTIONS,
                record -> record.key().equals(id) && record.value().contains("connection.status_changed"), Duration.ofSeconds(20));
        String change = changes.get(changes.size() - 1).value();
        assertTrue(change.contains("\"from\":\"ACTIVE\"") && change.contains("\"to\":\"EXPIRED\""), change);
    }

    @Test
    void repeatedTransientFailuresMakeItErrorAndARefreshMakesItActiveAgain() {
        String id = connectAccount(oauthAuthConfig(Map.of()));

        refreshFailed(id, "server_error", false, 1);
        refreshFailed(id, "server_error", false, 2);
        Eventually.holds("the connection active", () -> as("viewer").get(CONNECTIONS + "/" + id).then().body("status", equalTo("ACTIVE")));
        refreshFailed(id, "server_error", false, 3);
        Eventually.holds("the connection in error", () -> as("viewer").get(CONNECTIONS + "/" + id).then().body("status", equalTo("ERROR")));

        Instant expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        authConfigs.publish(tenant, new TokenRefreshed(UUID.fromString(id), expiresAt, true, List.of("openid")));

        Eventually.holds("the connection active until its new expiry", () -> as("viewer").get(CONNECTIONS + "/" + id).then()
                .body("status", equalTo("ACTIVE")).body("statusReason", nullValue()).body("expiresAt", equalTo(expiresAt.toString())));
    }

    @Test
    void aTokenThatWillExpireWithoutRefreshShowsAWarning() {
        String id = connectAccount(oauthAuthConfig(Map.of()));

        authConfigs.publish(tenant, new TokenExpiring(UUID.fromString(id), Instant.now().plus(Duration.ofDays(2))));

        Eventually.holds("the warning to reauthorize", () -> as("viewer").get(CONNECTIONS + "/" + id).then()
                .body("status", equalTo("ACTIVE")).body("warning", containsString("reauthorize")));
    }

    @Test
    void anAuthConfigThatGainsScopesFlagsItsConnectionsForReauthorization() {
        UUID authConfig = oauthAuthConfig(Map.of());
        String id = connectAccount(authConfig);
        as("viewer").get(CONNECTIONS + "/" + id).then().body("needsReauthorization", equalTo(false));

        authConfigs.update(tenant, authConfig, 1, Map.of("authorizationUrl", provider() + "/authorize", "tokenUrl", provider() + "/token",
                "clientId", "demo-client", "scopes", List.of("openid", "profile", "email")));

        Eventually.holds("the missing scopes", () -> as("viewer").get(CONNECTIONS + "/" + id).then()
                .body("needsReauthorization", equalTo(true)).body("missingScopes", equalTo(List.of("email")))
                .body("grantedScopes", equalTo(List.of("openid", "profile"))));
    }

    private void refreshFailed(String connection, String reason, boolean permanent, int attempts) {
        authConfigs.publish(tenant, new TokenRefreshFailed(UUID.fromString(connection), reason, permanent, attempts,
                permanent ? null : Instant.now().plusSeconds(60)));
    }
}
