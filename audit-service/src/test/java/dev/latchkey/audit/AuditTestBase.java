package dev.latchkey.audit;

import dev.latchkey.audit.consumers.AuditConsumer;
import dev.latchkey.events.AccessEvents.AccessDenied;
import dev.latchkey.events.AccessEvents.ActionRun;
import dev.latchkey.events.AccessEvents.CallProxied;
import dev.latchkey.events.AccessEvents.CredentialsRead;
import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.events.AuthConfigEvents.AuthConfigDeleted;
import dev.latchkey.events.AuthConfigEvents.AuthConfigSecretExpiring;
import dev.latchkey.events.AuthConfigEvents.AuthConfigStatusChanged;
import dev.latchkey.events.AuthConfigEvents.AuthConfigTested;
import dev.latchkey.events.AuthConfigEvents.AuthConfigUpdated;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.AllowedOriginsChanged;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorizationFailed;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.ConnectionEvents.ConnectionSecretExpiring;
import dev.latchkey.events.ConnectionEvents.ConnectionStatusChanged;
import dev.latchkey.events.ConnectionEvents.ConnectionTested;
import dev.latchkey.events.ConnectionEvents.ConnectionUpdated;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.EventType;
import dev.latchkey.events.TokenEvents.TokenExpiring;
import dev.latchkey.events.TokenEvents.TokenRefreshFailed;
import dev.latchkey.events.TokenEvents.TokenRefreshed;
import dev.latchkey.events.ToolkitEvents.Member;
import dev.latchkey.events.ToolkitEvents.ToolkitCreated;
import dev.latchkey.events.ToolkitEvents.ToolkitDeleted;
import dev.latchkey.events.ToolkitEvents.ToolkitTokenIssued;
import dev.latchkey.events.ToolkitEvents.ToolkitTokenRevoked;
import dev.latchkey.events.ToolkitEvents.ToolkitUpdated;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.OidcTestServer;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.restassured.specification.RequestSpecification;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;

/** Publishes events as the other services would, and reads the audit log through the API and the database. */
abstract class AuditTestBase {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AuditConsumer consumer;

    @Inject
    Vertx vertx;

    final String tenant = "tenant-" + UUID.randomUUID();

    /**
     * What the consumer does with a polled batch of {@code records}, as a replica of its own would: on a Vert.x context
     * of its own; completes with the events it stored.
     */
    CompletableFuture<List<CloudEvent>> handleOnVertx(List<String> records) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<List<CloudEvent>> stored = new CompletableFuture<>();
        context.runOnContext(ignored -> consumer.store(records, Instant.now())
                .subscribe().with(stored::complete, stored::completeExceptionally));
        return stored;
    }

    /** An event of {@code type} with plausible data, by {@code actor}, at {@code time}. */
    static CloudEvent event(EventType type, String tenant, String actor, Instant time) {
        EventData data = sample(type);
        CloudEvent fresh = EventJson.envelope(data, EventPublisher.sourceOf(type), tenant, actor);
        return new CloudEvent(fresh.specversion(), fresh.id(), fresh.source(), fresh.type(), fresh.subject(), time,
                fresh.datacontenttype(), fresh.dataschema(), tenant, actor, actor.startsWith("user:") ? "Alice Liddell" : null, fresh.data());
    }

    static EventData sample(EventType type) {
        UUID authConfig = UUID.randomUUID();
        UUID connection = UUID.randomUUID();
        return switch (type) {
            case AUTH_CONFIG_CREATED -> new AuthConfigCreated(authConfig, "GitHub prod", "devtools", "github", "oauth2",
                    "production", Map.of("clientId", "abc"), List.of("clientSecret"));
            case AUTH_CONFIG_UPDATED -> new AuthConfigUpdated(authConfig, "GitHub prod", "production", List.of("scopes"), 2,
                    Map.of("clientId", "abc"), List.of("clientSecret"));
            case AUTH_CONFIG_DELETED -> new AuthConfigDeleted(authConfig, "GitHub prod");
            case AUTH_CONFIG_TESTED -> new AuthConfigTested(authConfig, false, "refused", 12);
            case AUTH_CONFIG_STATUS_CHANGED -> new AuthConfigStatusChanged(authConfig, "ACTIVE", "ERROR", "test failed");
            case AUTH_CONFIG_SECRET_EXPIRING -> new AuthConfigSecretExpiring(authConfig, Instant.parse("2030-01-01T00:00:00Z"));
            case CONNECTION_CREATED -> new ConnectionCreated(connection, authConfig, "Alice's GitHub", "production", "alice",
                    "oauth2", "PENDING");
            case CONNECTION_AUTHORIZED -> new ConnectionAuthorized(connection, authConfig, "production",
                    Instant.parse("2030-01-01T00:00:00Z"), List.of("repo"), true);
            case CONNECTION_AUTHORIZATION_FAILED -> new ConnectionAuthorizationFailed(connection, authConfig, "access_denied",
                    "the user said no");
            case CONNECTION_UPDATED -> new ConnectionUpdated(connection, List.of("name"));
            case CONNECTION_TESTED -> new ConnectionTested(connection, true, 200, 40, "ok");
            case CONNECTION_STATUS_CHANGED -> new ConnectionStatusChanged(connection, "ACTIVE", "EXPIRED", "invalid_grant");
            case CONNECTION_SECRET_EXPIRING -> new ConnectionSecretExpiring(connection, Instant.parse("2030-01-01T00:00:00Z"));
            case CONNECTION_DELETED -> new ConnectionDeleted(connection, authConfig, true);
            case CONNECTION_ALLOWED_ORIGINS_CHANGED -> new AllowedOriginsChanged("ignored", List.of("https://app.example"));
            case TOKEN_REFRESHED -> new TokenRefreshed(connection, Instant.parse("2030-01-01T00:00:00Z"), true, List.of("repo"));
            case TOKEN_REFRESH_FAILED -> new TokenRefreshFailed(connection, "invalid_grant", true, 1, null);
            case TOKEN_EXPIRING -> new TokenExpiring(connection, Instant.parse("2030-01-01T00:00:00Z"));
            case ACCESS_CREDENTIALS_READ -> new CredentialsRead(connection, "production", false);
            case ACCESS_PROXIED -> new CallProxied(connection, "production", "GET", "api.github.com", "/user", 200, "answered", 120, 0, 512L);
            case TOOLKIT_CREATED -> new ToolkitCreated(connection, "Support", null, true, List.of(new Member(connection, null)));
            case TOOLKIT_UPDATED -> new ToolkitUpdated(connection, List.of("name"), "Support desk", null, true,
                    List.of(new Member(connection, null)), 2);
            case TOOLKIT_DELETED -> new ToolkitDeleted(connection);
            case TOOLKIT_TOKEN_ISSUED -> new ToolkitTokenIssued(connection, authConfig, "bot", Instant.parse("2030-01-01T00:00:00Z"));
            case TOOLKIT_TOKEN_REVOKED -> new ToolkitTokenRevoked(connection, authConfig);
            case ACCESS_ACTION_RUN -> new ActionRun(connection, "production", "github", "list_my_repositories", null, 200, "succeeded", 95);
            case ACCESS_DENIED -> new AccessDenied("bob", "GET", "/api/v1/connections/" + connection + "/credentials",
                    "READ_CREDENTIALS");
        };
    }

    /** Publishes an event of {@code type} now, by a user; returns it. */
    CloudEvent publish(EventType type, String actor) {
        CloudEvent event = event(type, tenant, actor, Instant.now());
        EventPublisher.publish(bootstrapServers, event);
        return event;
    }

    RequestSpecification as(String tenant, String... roles) {
        return given().auth().oauth2(OidcTestServer.current().accessToken(tenant, "alice", roles));
    }

    RequestSpecification asAdmin() {
        return as(tenant, "admin");
    }

    static long count(String sql, Object... parameters) {
        try (Connection connection = ownerConnection(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs a statement as the database's owner, who may do what the service may not: a tamperer's view. */
    static int asOwner(String sql, Object... parameters) {
        try (Connection connection = ownerConnection(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static Connection ownerConnection() throws SQLException {
        Connection connection = AuditDatabaseResource.audit.database().connect();
        connection.createStatement().execute("SET search_path = audit");
        return connection;
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** The tenant's entries by their position in its chain, the order the log received them: newest first. */
    List<String> receivedNewestFirst() {
        try (Connection connection = ownerConnection();
             PreparedStatement statement = prepare(connection,
                     "SELECT event_id FROM audit_events WHERE tenant = ? ORDER BY chain_seq DESC", tenant);
             ResultSet rows = statement.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    long stored() {
        return count("SELECT count(*) FROM audit_events WHERE tenant = ?", tenant);
    }
}
