package dev.latchkey.gateway.rest;

import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.TokenRefresherProcess;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Calls through an OAuth2 connection get a token the API takes: one inside its refresh margin is refreshed first,
 * and one the API refuses (revoked early) is refreshed once and the call made again. token-refresher is the real one,
 * started from its package; the provider's token endpoint is scripted (access-1, access-2, ... for each refresh).
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
@QuarkusTestResource(RecordingApi.class)
@QuarkusTestResource(value = TokenRefresherProcess.class, restrictToAnnotatedClass = true)
class FreshTokensTest extends ProxyTestBase {

    private ScriptedTokenEndpoint provider;

    @BeforeEach
    void refresherAndProvider() {
        // Its workers stay idle: every refresh here is one a call asked for.
        TokenRefresherProcess.ensureRunning(Map.of("latchkey.refresher.poll-interval", "1h"));
        provider = ScriptedTokenEndpoint.start();
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void aTokenInsideItsRefreshMarginIsRefreshedBeforeTheCall() {
        UUID id = account(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofMinutes(2)));
        String call = call();

        caller().header("X-Test-Call", call).get(PROXY + id + "/needs/access-1").then().statusCode(200);

        assertEquals("Bearer access-1", RecordingApi.received(call).header("Authorization"));
        assertEquals(1, provider.requestsWith("refresh-0"));
    }

    @Test
    void aTokenTheApiRefusesIsRefreshedOnceAndTheCallMadeAgainWithItsBody() {
        UUID id = account(Instant.now(), Instant.now().plus(Duration.ofHours(1)));
        String call = call();

        caller().header("X-Test-Call", call).contentType("application/json").body("{\"n\": 1}")
                .post(PROXY + id + "/needs/access-1").then().statusCode(200);

        assertEquals("Bearer access-1", RecordingApi.received(call).header("Authorization"));
        assertEquals("{\"n\": 1}", RecordingApi.received(call).body());
        assertEquals(1, provider.requestsWith("refresh-0"));
    }

    @Test
    void whenNoNewerTokenHelpsTheApisRefusalIsPassedBack() {
        UUID id = account(Instant.now(), Instant.now().plus(Duration.ofHours(1)));

        caller().get(PROXY + id + "/needs/a-token-nobody-has").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");

        assertEquals(1, provider.requestsWith("refresh-0"), "one refresh, and no more");
    }

    /**
     * An OAuth2 connection of a custom auth config (the scripted token endpoint, the recording API) whose token was
     * obtained at {@code issuedAt} and expires at {@code expiresAt}, as connected-apps-service would report it.
     */
    private UUID account(Instant issuedAt, Instant expiresAt) {
        UUID authConfig = UUID.randomUUID();
        secrets.write(SecretPath.authConfig(tenant, authConfig), Map.of("clientSecret", "client-secret"), 0).await().indefinitely();
        publish(new AuthConfigCreated(authConfig, "provider", "custom", null, "oauth2", null, Map.of(
                "authorizationUrl", "http://127.0.0.1:1/authorize", "tokenUrl", provider.tokenUrl(), "clientId", "client",
                "tokenRequestAuth", "client_secret_post", "baseUrl", "https://" + RecordingApi.tlsHost()), List.of("clientSecret")),
                Instant.now());
        // Auth configs and connections come on topics of their own: each is awaited where it is read.
        Eventually.until("the auth config in the gateway's projection", () -> count("SELECT count(*) FROM auth_configs WHERE id = $1",
                authConfig) == 1);
        Eventually.until("the auth config in token-refresher's projection", () -> count(
                "SELECT count(*) FROM refresher.auth_configs WHERE id = $1", authConfig) == 1);
        UUID id = UUID.randomUUID();
        secrets.write(SecretPath.connection(tenant, id), Map.of("accessToken", "access-0", "refreshToken", "refresh-0"), 0)
                .await().indefinitely();
        publish(new ConnectionCreated(id, authConfig, "account", "production", null, "oauth2", "PENDING", null, Map.of(), 0L),
                issuedAt);
        publish(new ConnectionAuthorized(id, authConfig, "production", expiresAt, List.of(), true, Map.of()), issuedAt);
        Eventually.until("the connection in the gateway's projection", () -> count(
                "SELECT count(*) FROM connections WHERE id = $1 AND status = 'ACTIVE'", id) == 1);
        Eventually.until("the connection in token-refresher's schedule", () -> count(
                "SELECT count(*) FROM refresher.refresh_schedule WHERE connection_id = $1", id) == 1);
        return id;
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    }

    /** Publishes an event as its service would, dated {@code time} (when the token it reports was obtained). */
    private void publish(EventData data, Instant time) {
        CloudEvent now = EventJson.envelope(data, EventPublisher.sourceOf(data.eventType()), tenant, "user:someone");
        EventPublisher.publish(bootstrapServers, new CloudEvent(now.specversion(), now.id(), now.source(), now.type(), now.subject(),
                time, now.datacontenttype(), now.dataschema(), now.tenantid(), now.actor(), now.actorname(), now.data()));
    }
}
