package dev.latchkey.bench.hotpath;

import dev.latchkey.bench.refresh.RefreshBenchmark;
import dev.latchkey.events.AuthConfigEvents.AuthConfigCreated;
import dev.latchkey.secrets.local.LocalSecretStore;
import dev.latchkey.testing.EventPublisher;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.ScriptedTokenEndpoint;
import dev.latchkey.testing.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auth configs and connections the figures read, made as a user would: the auth configs published as
 * auth-config-service does (into both services' projections), the connections through {@code POST /api/v1/connections}.
 */
final class Connections {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final RefreshBenchmark setting;
    private final String kafka;
    private final OidcTestServer oidc;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Connections(RefreshBenchmark setting, String kafka, OidcTestServer oidc) {
        this.setting = setting;
        this.kafka = kafka;
        this.oidc = oidc;
    }

    /** An API-key auth config (the key sent in a header) whose connections each hold their own key. */
    UUID apiKeyAuthConfig() {
        UUID id = UUID.randomUUID();
        EventPublisher.publish(kafka, RefreshBenchmark.TENANT, new AuthConfigCreated(id, "bench api key", "custom", null, "api_key",
                null, Map.of("name", "X-API-Key", "in", "header"), List.of()));
        Eventually.until("the API-key auth config in connected-apps-service's projection",
                () -> setting.sql().count("SELECT count(*) FROM connections.auth_configs WHERE id = '" + id + "'") > 0);
        return id;
    }

    /** An OAuth2 client-credentials auth config at {@code provider}, in both services' projections. */
    UUID clientCredentialsAuthConfig(LocalSecretStore secrets, ScriptedTokenEndpoint provider) {
        UUID id = UUID.randomUUID();
        setting.authConfig(secrets, id, "oauth2_client_credentials", provider);
        setting.awaitProjected(List.of(id));
        return id;
    }

    /** A connection of {@code authConfig} with its own {@code credentials} (a JSON object); returns its id. */
    String create(ServiceProcess connectedApps, UUID authConfig, String name, String credentials) throws IOException, InterruptedException {
        String body = """
                {"authConfigId": "%s", "environment": "production", "name": "%s", "credentials": %s}"""
                .formatted(authConfig, name, credentials);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(connectedApps.baseUrl() + "/api/v1/connections"))
                .header("Authorization", "Bearer " + oidc.accessToken(RefreshBenchmark.TENANT, "bench", "admin"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("the connection was not made: " + created.statusCode() + " " + created.body());
        }
        return id.group(1);
    }

    /** An API-key connection holding a key of its own. */
    String apiKey(ServiceProcess connectedApps, UUID authConfig, String name) throws IOException, InterruptedException {
        return create(connectedApps, authConfig, name, "{\"apiKey\": \"bench-key-" + UUID.randomUUID() + "\"}");
    }

    /** A client-credentials connection: its token is fetched from the provider now. */
    String clientCredentials(ServiceProcess connectedApps, UUID authConfig, String name) throws IOException, InterruptedException {
        return create(connectedApps, authConfig, name, "null");
    }

    /** One credential read, answered 200 or not, outside any measurement. */
    boolean read(ServiceProcess connectedApps, String id, String bearer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(connectedApps.baseUrl() + "/api/v1/connections/" + id + "/credentials"))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
