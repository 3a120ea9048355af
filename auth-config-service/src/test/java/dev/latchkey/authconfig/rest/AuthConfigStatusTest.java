package dev.latchkey.authconfig.rest;

import dev.latchkey.authconfig.service.AuthConfigExpiry;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.PublishedEvents;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An auth config's status means what it says: a test moves it between ACTIVE and ERROR, a secret whose end (as its owner
 * gave it) has passed makes it EXPIRED, warnings go out before then, a new secret or end brings it back; every change is
 * an {@code auth_config.status_changed}, once.
 */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class AuthConfigStatusTest extends AuthConfigTestBase {

    private static final String TOPIC = "latchkey.auth-configs.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AuthConfigExpiry expiry;

    @Inject
    Pool pool;

    @Test
    void aTestMovesTheStatusBothWaysEachAnEventAndTheListFiltersByStatusAndEnvironment() {
        String tenant = newTenant();
        String id = created(tenant, customOAuth2("https://127.0.0.1:1/token"));

        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200).body("status", equalTo("ERROR"));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("statusReason", containsString("UNREACHABLE"));
        String staging = created(tenant, apiKeyBody("staging key", "k").replaceFirst("\\{", "{\"environment\": \"staging\", "));
        admin(tenant).queryParam("status", "error").get(AUTH_CONFIGS).then().body("items.id", equalTo(List.of(id)));
        admin(tenant).queryParam("status", "ACTIVE").get(AUTH_CONFIGS).then().body("items.id", equalTo(List.of(staging)));
        admin(tenant).queryParam("environment", "staging").get(AUTH_CONFIGS).then().body("items.id", equalTo(List.of(staging)));
        admin(tenant).queryParam("environment", "production").get(AUTH_CONFIGS).then().body("items.size()", equalTo(0));
        admin(tenant).body("{\"config\": {\"tokenUrl\": \"" + OidcTestServer.current().issuerUrl() + "/token\"},"
                        + " \"secrets\": {\"clientSecret\": \"test-client-secret\"}}")
                .patch(AUTH_CONFIGS + "/" + id).then().statusCode(200);
        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200).body("status", equalTo("ACTIVE"));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("statusReason", nullValue());
        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200).body("status", equalTo("ACTIVE"));

        List<String> changes = statusChanges(id, 2);
        assertTrue(changes.get(0).contains("\"from\":\"ACTIVE\",\"to\":\"ERROR\"") && changes.get(0).contains("UNREACHABLE"),
                changes.get(0));
        assertTrue(changes.get(1).contains("\"from\":\"ERROR\",\"to\":\"ACTIVE\""), changes.get(1));
    }

    @Test
    void aSecretNearItsEndIsWarnedAboutOnceAThresholdAndExpiresOnceItHasPassed() {
        String tenant = newTenant();
        Instant end = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        String id = created(tenant, withEnd(customOAuth2(OidcTestServer.current().issuerUrl() + "/token"), end));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("secretExpiresAt", equalTo(end.toString()))
                .body("warning", nullValue());

        assertTrue(run(expiry::warnDue) >= 1);
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("warning", containsString(end.toString()));
        Instant next = instant("SELECT expiry_warning_at FROM auth_configs WHERE id = $1", id);
        assertEquals(end.minus(Duration.ofDays(1)), next, "the next warning waits for the one-day threshold");
        run(expiry::warnDue);
        var warnings = events(id, "auth_config.secret_expiring", 1);
        assertTrue(warnings.get(0).contains("\"expiresAt\":\"" + end + "\""), warnings.get(0));

        sql("UPDATE auth_configs SET secret_expires_at = now() - interval '1 second' WHERE id = $1", id);
        assertTrue(run(expiry::expireDue) >= 1);
        run(expiry::expireDue);
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("status", equalTo("EXPIRED"))
                .body("statusReason", containsString("expired")).body("warning", nullValue());
        admin(tenant).post(AUTH_CONFIGS + "/" + id + "/test").then().statusCode(200).body("ok", equalTo(true))
                .body("status", equalTo("EXPIRED"));

        admin(tenant).body("{\"secrets\": {\"clientSecret\": \"rotated-secret\"}}").patch(AUTH_CONFIGS + "/" + id).then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("secretExpiresAt", nullValue());
        var published = PublishedEvents.until(bootstrapServers, TOPIC, id, "auth_config.status_changed", 2);
        List<String> changes = published.of("auth_config.status_changed");
        assertEquals(2, changes.size(), published.toString());
        assertTrue(changes.get(0).contains("\"from\":\"ACTIVE\",\"to\":\"EXPIRED\""), changes.get(0));
        assertTrue(changes.get(1).contains("\"from\":\"EXPIRED\",\"to\":\"ACTIVE\""), changes.get(1));
        assertEquals(1, published.of("auth_config.secret_expiring").size(), "one warning: the next threshold is not due");
    }

    @Test
    void aNewEndMovesTheWarningsAndNullClearsIt() {
        String tenant = newTenant();
        String id = created(tenant, withEnd(apiKeyBody("expiring key", "k"), Instant.now().plus(Duration.ofDays(2))));
        Instant later = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

        admin(tenant).body("{\"secretExpiresAt\": \"" + later + "\"}").patch(AUTH_CONFIGS + "/" + id).then().statusCode(200)
                .body("secretExpiresAt", equalTo(later.toString()));
        assertEquals(later.minus(Duration.ofDays(7)), instant("SELECT expiry_warning_at FROM auth_configs WHERE id = $1", id));
        var updated = events(id, "auth_config.updated", 1);
        assertTrue(updated.get(0).contains("secretExpiresAt"), updated.get(0));

        admin(tenant).body("{\"secretExpiresAt\": null}").patch(AUTH_CONFIGS + "/" + id).then().statusCode(200)
                .body("secretExpiresAt", nullValue());
        assertEquals(null, instant("SELECT expiry_warning_at FROM auth_configs WHERE id = $1", id));
    }

    @Test
    void anEndThatIsNoTimeOrHasPassedIsRefusedAndChangesNothing() {
        String tenant = newTenant();
        for (String value : List.of("\"2020-01-01T00:00:00Z\"", "\"next tuesday\"", "12")) {
            create(tenant, apiKeyBody("bad end", "k").replaceFirst("\\{", "{\"secretExpiresAt\": " + value + ", "))
                    .statusCode(400).contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem("secretExpiresAt"));
        }
        admin(tenant).get(AUTH_CONFIGS).then().body("items.size()", equalTo(0));

        String id = created(tenant, apiKeyBody("kept", "k"));
        admin(tenant).body("{\"name\": \"renamed\", \"secretExpiresAt\": \"2020-01-01T00:00:00Z\"}")
                .patch(AUTH_CONFIGS + "/" + id).then().statusCode(400).body("errors.field", hasItem("secretExpiresAt"));
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("name", equalTo("kept")).header("ETag", equalTo("\"0\""));
    }

    @Test
    void aViewerCannotSetAnEnd() {
        String tenant = newTenant();
        String id = created(tenant, apiKeyBody("key", "k"));
        as(tenant, "viewer").body("{\"secretExpiresAt\": \"2099-01-01T00:00:00Z\"}").patch(AUTH_CONFIGS + "/" + id).then()
                .statusCode(403);
        as(newTenant(), "admin").body("{\"secretExpiresAt\": \"2099-01-01T00:00:00Z\"}").patch(AUTH_CONFIGS + "/" + id).then()
                .statusCode(404);
        admin(tenant).get(AUTH_CONFIGS + "/" + id).then().body("secretExpiresAt", nullValue());
    }

    private List<String> statusChanges(String id, int count) {
        return events(id, "auth_config.status_changed", count);
    }

    /** The auth config's events of {@code type} among those published until the {@code count}th, oldest first. */
    private List<String> events(String id, String type, int count) {
        return PublishedEvents.until(bootstrapServers, TOPIC, id, type, count).of(type);
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable failure) {
            throw new AssertionError(failure);
        }
    }

    private void sql(String statement, String id) {
        pool.preparedQuery(statement).execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
    }

    private Instant instant(String query, String id) {
        var row = pool.preparedQuery(query).execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();
        return row.getOffsetDateTime(0) == null ? null : row.getOffsetDateTime(0).toInstant();
    }

    private static String withEnd(String body, Instant end) {
        return body.replaceFirst("\\{", "{\"secretExpiresAt\": \"" + end + "\", ");
    }

    private static String customOAuth2(String tokenUrl) {
        return """
                {"name": "oauth", "category": "custom", "type": "oauth2",
                 "config": {"authorizationUrl": "https://id.example.com/authorize", "tokenUrl": "%s", "clientId": "latchkey-test"},
                 "secrets": {"clientSecret": "test-client-secret"}}""".formatted(tokenUrl);
    }
}
