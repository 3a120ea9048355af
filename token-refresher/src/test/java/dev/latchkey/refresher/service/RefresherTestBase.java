package dev.latchkey.refresher.service;

import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.Topics;
import dev.latchkey.refresher.config.RefresherConfig;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.TopicReader;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.restassured.response.ValidatableResponse;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * Plays auth-config-service and connected-apps-service for the refresher's tests: an auth config whose token URL
 * is a scripted provider, connections with stored tokens, authorized through their events; and reads what the
 * refresher did (the schedule row, the stored tokens, its events).
 */
abstract class RefresherTestBase {

    @Inject
    SecretStore secrets;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    RefreshWorker workers;

    @Inject
    RefresherConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    ScriptedTokenEndpoint provider;
    String tenant;
    UUID authConfig;

    @BeforeEach
    void aProviderAndItsAuthConfig() {
        provider = ScriptedTokenEndpoint.start();
        tenant = newTenant();
        authConfig = authConfig(tenant, provider.tokenUrl());
    }

    static String newTenant() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A custom OAuth2 auth config of {@code tenant} whose token URL is {@code tokenUrl}, projected. */
    UUID authConfig(String tenant, String tokenUrl) {
        UUID id = UUID.randomUUID();
        secrets.write(SecretPath.authConfig(tenant, id), Map.of("clientSecret", "client-secret"), 0).await().indefinitely();
        EventPublisher.publish(bootstrapServers, tenant, new AuthConfigCreated(id, "provider", "custom", null, "oauth2", null,
                Map.of("authorizationUrl", "http://127.0.0.1:1/authorize", "tokenUrl", tokenUrl, "clientId", "client",
                        "tokenRequestAuth", "client_secret_post"), List.of("clientSecret")));
        Eventually.until("the auth config's projection", () -> count("SELECT count(*) FROM auth_configs WHERE id = $1", id) == 1);
        return id;
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    /**
     * A connection authorized an hour ago with {@code refreshToken}, whose access token expires in {@code expiresIn};
     * scheduled.
     */
    UUID connection(String refreshToken, Duration expiresIn) {
        return connection(tenant, authConfig, refreshToken, expiresIn);
    }

    /** The same, of another tenant's auth config. */
    UUID connection(String tenant, UUID authConfig, String refreshToken, Duration expiresIn) {
        UUID id = UUID.randomUUID();
        secrets.write(SecretPath.connection(tenant, id), Map.of("accessToken", "access-0", "refreshToken", refreshToken), 0)
                .await().indefinitely();
        EventPublisher.publish(bootstrapServers, tenant, new ConnectionAuthorized(id, authConfig, "production",
                Instant.now().plus(expiresIn), List.of("read"), true));
        Eventually.until("the schedule", () -> count("SELECT count(*) FROM refresh_schedule WHERE connection_id = $1", id) == 1);
        // Its token was obtained an hour ago: a long-lived token, refreshed inside the usual ten-minute margin.
        pool.preparedQuery("UPDATE refresh_schedule SET issued_at = now() - interval '1 hour',"
                        + " refresh_at = expires_at - interval '10 minutes' WHERE connection_id = $1")
                .execute(Tuple.of(id)).await().indefinitely();
        return id;
    }

    /** The on-demand refresh, as connected-apps-service calls it. */
    ValidatableResponse refreshNow(UUID connection) {
        return refreshIn(tenant, connection);
    }

    /** The on-demand refresh of a token an API refused, as the gateway calls it. */
    ValidatableResponse refreshRefused(UUID connection) {
        return given().auth().oauth2(OidcTestServer.current().accessToken("system", "gateway", "service"))
                .post("/internal/v1/tenants/" + tenant + "/refresh/" + connection + "?refused=true").then();
    }

    /** The on-demand refresh of {@code connection}, said to be {@code tenant}'s. */
    static ValidatableResponse refreshIn(String tenant, UUID connection) {
        return given().auth().oauth2(OidcTestServer.current().accessToken("system", "connected-apps-service", "service"))
                .post("/internal/v1/tenants/" + tenant + "/refresh/" + connection).then();
    }

    /** Makes the connection due now, as time passing would. */
    void makeDue(UUID connection) {
        pool.preparedQuery("UPDATE refresh_schedule SET refresh_at = now() WHERE connection_id = $1").execute(Tuple.of(connection))
                .await().indefinitely();
    }

    /** Runs the worker until the schedule has nothing due left (other tests' connections included). */
    void drainDue() {
        onVertx(() -> workers.refreshDue());
    }

    Map<String, String> tokens(UUID connection) {
        return secrets.read(SecretPath.connection(tenant, connection)).await().indefinitely().fields();
    }

    /** The connection's schedule row, or null. */
    Row scheduled(UUID connection) {
        var rows = pool.preparedQuery("SELECT * FROM refresh_schedule WHERE connection_id = $1").execute(Tuple.of(connection))
                .await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    /** The token events of {@code connection}, once one containing {@code last} has arrived. */
    List<String> tokenEvents(UUID connection, String last) {
        return TopicReader.readUntil(bootstrapServers, Topics.TOKENS,
                        record -> record.key().equals(connection.toString()) && record.value().contains(last), Duration.ofSeconds(20))
                .stream().filter(record -> record.key().equals(connection.toString())).map(ConsumerRecord::value).toList();
    }

    /** Runs reactive service code the way a request would: on a Vert.x sub-context of its own; waits for its item. */
    <T> T onVertx(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }
}
