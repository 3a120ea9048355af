package dev.latchkey.refresher.service;

import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.JwtBearerProvider;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A JWT bearer connection (RFC 7523, a service account) has no refresh token: each refresh signs a new assertion with
 * the auth config's private key and gets a new token, on schedule and when an API refused the token.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class JwtBearerRefreshTest extends RefresherTestBase {

    @Test
    void aServiceAccountsTokenIsRefreshedWithANewlySignedGrant() throws Exception {
        try (JwtBearerProvider google = new JwtBearerProvider()) {
            UUID serviceAccount = UUID.randomUUID();
            secrets.write(SecretPath.authConfig(tenant, serviceAccount), Map.of("privateKey", google.privateKeyPem()), 0)
                    .await().indefinitely();
            EventPublisher.publish(bootstrapServers, tenant, new AuthConfigCreated(serviceAccount, "robot", "custom", null,
                    "oauth2_jwt_bearer", null, Map.of("tokenUrl", google.tokenUrl(), "clientId", JwtBearerProvider.ACCOUNT),
                    List.of("privateKey")));
            Eventually.until("the auth config's projection",
                    () -> count("SELECT count(*) FROM auth_configs WHERE id = $1", serviceAccount) == 1);
            UUID id = UUID.randomUUID();
            secrets.write(SecretPath.connection(tenant, id), Map.of("accessToken", "ya29.first"), 0).await().indefinitely();
            EventPublisher.publish(bootstrapServers, tenant, new ConnectionAuthorized(id, serviceAccount, "production",
                    Instant.now().plus(Duration.ofMinutes(5)), List.of(), true));
            Eventually.until("the schedule", () -> count("SELECT count(*) FROM refresh_schedule WHERE connection_id = $1", id) == 1);

            makeDue(id);
            drainDue();
            assertEquals("ya29.jwt-bearer-1", tokens(id).get("accessToken"), "refreshed on schedule with a signed grant");
            refreshRefused(id).statusCode(200);
            assertEquals("ya29.jwt-bearer-2", tokens(id).get("accessToken"), "and when an API refused it, with a new assertion");
            assertFalse(google.grantedClaims().get(0).path("jti").asText().equals(google.grantedClaims().get(1).path("jti").asText()));
            assertFalse(tokens(id).containsKey("refreshToken"));
        }
    }
}
