package dev.latchkey.connectedapps.rest;

import dev.latchkey.events.Topics;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.TokenRefresherProcess;
import dev.latchkey.testing.TopicReader;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credentials endpoint with a token inside the refresh margin: it asks token-refresher (the real service,
 * started from its package, called with a client-credentials token) and waits. The provider's tokens live 20 s,
 * so both services refresh them at half time (10 s before expiry), and a fresh one is not refreshed again.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(value = TokenRefresherProcess.class, restrictToAnnotatedClass = true)
class OnDemandRefreshTest extends ConnectionTestBase {

    private static final Duration LIFETIME = Duration.ofSeconds(20);

    @BeforeEach
    void refresherRuns() {
        // Its workers stay idle: every refresh here is one a credentials read asked for.
        TokenRefresherProcess.ensureRunning(Map.of("latchkey.refresher.poll-interval", "1h"));
    }

    @Test
    void concurrentReadsOfATokenAboutToExpireGetOneRefreshedToken() throws Exception {
        String id = shortLivedAccount(oauthAuthConfig(Map.of()));
        String before = secrets.read(SecretPath.connection(tenant, UUID.fromString(id))).await().indefinitely().fields().get("accessToken");

        Set<String> tokens = ConcurrentHashMap.newKeySet();
        var readers = Executors.newFixedThreadPool(10);
        for (int i = 0; i < 20; i++) {
            readers.submit(() -> tokens.add(as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(200)
                    .extract().<String>path("credentials.accessToken")));
        }
        readers.shutdown();
        assertTrue(readers.awaitTermination(60, TimeUnit.SECONDS));

        assertEquals(1, tokens.size(), "every reader got the same token");
        assertFalse(tokens.contains(before), "the token was refreshed");
        var refreshes = TopicReader.readFor(bootstrapServers, Topics.TOKENS, Duration.ofSeconds(3)).stream()
                .filter(record -> record.key().equals(id) && record.value().contains("token.refreshed")).toList();
        assertEquals(1, refreshes.size(), "one token request for twenty readers");
        assertFalse(refreshes.get(0).value().contains(tokens.iterator().next()), "no token on the topic");
        Eventually.holds("the connection active", () -> as("viewer").get(CONNECTIONS + "/" + id).then().body("status", equalTo("ACTIVE")));
    }

    @Test
    void aGrantTheProviderRevokedExpiresTheConnectionAndTheReadNamesTheFix() {
        String id = shortLivedAccount(oauthAuthConfig(Map.of()));
        String refreshToken = secrets.read(SecretPath.connection(tenant, UUID.fromString(id))).await().indefinitely()
                .fields().get("refreshToken");
        given().contentType("application/x-www-form-urlencoded").formParam("token", refreshToken)
                .formParam("token_type_hint", "refresh_token").post(provider() + "/revoke").then().statusCode(200);

        as("credentials:read").get(CONNECTIONS + "/" + id + "/credentials").then().statusCode(409)
                .body("detail", containsString("/api/v1/connections/" + id + "/reauthorize"));

        Eventually.holds("the connection expired",
                () -> as("viewer").get(CONNECTIONS + "/" + id).then().body("status", equalTo("EXPIRED")));
    }

    @Test
    void theRefreshEndpointIsForServicesOnly() {
        String refresh = TokenRefresherProcess.baseUrl() + "/internal/v1/tenants/" + tenant + "/refresh/" + UUID.randomUUID();
        given().auth().oauth2(OidcTestServer.current().accessToken(tenant, "user", "admin", "credentials:read"))
                .post(refresh).then().statusCode(403);
        given().post(refresh).then().statusCode(401);
    }

    /** An account whose tokens live 20 s, once token-refresher has scheduled it and its token is past half time. */
    private String shortLivedAccount(UUID authConfig) {
        OidcTestServer.current().nextTokenLifetime("provider", LIFETIME);
        String id = connectAccount(authConfig);
        Instant authorized = Instant.now();
        Eventually.holds("token-refresher's schedule of the connection", () -> assertEquals(1L,
                pool.preparedQuery("SELECT count(*) FROM refresher.refresh_schedule WHERE connection_id = $1")
                        .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getLong(0)));
        sleepUntil(authorized.plus(Duration.ofSeconds(14)));
        return id;
    }

    private static void sleepUntil(Instant moment) {
        long wait = Duration.between(Instant.now(), moment).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
