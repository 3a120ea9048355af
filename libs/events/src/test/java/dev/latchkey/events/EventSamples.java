package dev.latchkey.events;

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
import dev.latchkey.events.ConnectionEvents.AllowedOriginsChanged;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorizationFailed;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionCreated;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.ConnectionEvents.ConnectionSecretExpiring;
import dev.latchkey.events.ConnectionEvents.ConnectionStatusChanged;
import dev.latchkey.events.ConnectionEvents.ConnectionTested;
import dev.latchkey.events.ConnectionEvents.ConnectionUpdated;
import dev.latchkey.events.TokenEvents.TokenExpiring;
import dev.latchkey.events.TokenEvents.TokenRefreshFailed;
import dev.latchkey.events.TokenEvents.TokenRefreshed;
import dev.latchkey.events.ToolkitEvents.Member;
import dev.latchkey.events.ToolkitEvents.ToolkitCreated;
import dev.latchkey.events.ToolkitEvents.ToolkitDeleted;
import dev.latchkey.events.ToolkitEvents.ToolkitTokenIssued;
import dev.latchkey.events.ToolkitEvents.ToolkitTokenRevoked;
import dev.latchkey.events.ToolkitEvents.ToolkitUpdated;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic record of every event type, as the services will publish them. */
final class EventSamples {

    static final UUID AUTH_CONFIG = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f1e8b7c41");
    static final UUID CONNECTION = UUID.fromString("0b7e3f0e-5c55-4c1e-9a4e-2f1d1f6b7a10");
    static final Instant EXPIRES = Instant.parse("2026-11-24T14:00:00Z");
    static final UUID TOOLKIT = UUID.fromString("3a9d5c2e-8b14-4f7a-a6d3-5e0c9b8f2d17");

    private EventSamples() {
    }

    static List<EventData> all() {
        return List.of(
                new AuthConfigCreated(AUTH_CONFIG, "Google Workspace", "oauth2_provider", "google", "oauth2", "production",
                        Map.of("clientId", "123.apps.googleusercontent.com", "scopes", List.of("openid", "email")), List.of("clientSecret")),
                new AuthConfigUpdated(AUTH_CONFIG, "Google Workspace", "production", List.of("config.scopes", "secrets.clientSecret"), 2,
                        Map.of("clientId", "123.apps.googleusercontent.com", "scopes", List.of("openid")), List.of("clientSecret")),
                new AuthConfigDeleted(AUTH_CONFIG, "Google Workspace"),
                new AuthConfigTested(AUTH_CONFIG, false, "token endpoint answered invalid_client", 412),
                new AuthConfigStatusChanged(AUTH_CONFIG, "ACTIVE", "ERROR", "client secret rejected"),
                new AuthConfigSecretExpiring(AUTH_CONFIG, EXPIRES),
                new ConnectionCreated(CONNECTION, AUTH_CONFIG, "Acme's Gmail", "staging", "user-42", "oauth2", "PENDING"),
                new ConnectionCreated(CONNECTION, AUTH_CONFIG, "Acme's Zendesk", "production", null, "api_key", "ACTIVE", "zendesk",
                        Map.of("subdomain", "acme", "email", "ops@acme.example"), 1L),
                new ConnectionAuthorized(CONNECTION, AUTH_CONFIG, "staging", EXPIRES, List.of("openid", "email"), true),
                new ConnectionAuthorized(CONNECTION, AUTH_CONFIG, "staging", EXPIRES, List.of("api"), true,
                        Map.of("instance_url", "https://acme.my.salesforce.com")),
                new ConnectionAuthorizationFailed(CONNECTION, AUTH_CONFIG, "access_denied", "The user declined"),
                new ConnectionUpdated(CONNECTION, List.of("name", "metadata")),
                new ConnectionUpdated(CONNECTION, List.of("config.subdomain", "secrets.apiKey"), Map.of("subdomain", "acme-eu"), 2L),
                new ConnectionTested(CONNECTION, true, 200, 87, null),
                new ConnectionStatusChanged(CONNECTION, "ACTIVE", "EXPIRED", "invalid_grant"),
                new ConnectionSecretExpiring(CONNECTION, EXPIRES),
                new ConnectionDeleted(CONNECTION, AUTH_CONFIG, true),
                new AllowedOriginsChanged("acme", List.of("https://app.example.com")),
                new TokenRefreshed(CONNECTION, EXPIRES, true, List.of("openid", "email")),
                new TokenRefreshFailed(CONNECTION, "provider_unavailable", false, 3, EXPIRES),
                new TokenExpiring(CONNECTION, EXPIRES),
                new CredentialsRead(CONNECTION, "production", false),
                new ToolkitCreated(TOOLKIT, "Support agent", "Reads tickets", true,
                        List.of(new Member(CONNECTION, null), new Member(AUTH_CONFIG, List.of("get_ticket", "search")))),
                new ToolkitUpdated(TOOLKIT, List.of("name", "members"), "Support desk", null, false,
                        List.of(new Member(CONNECTION, List.of("create_ticket"))), 2),
                new ToolkitDeleted(TOOLKIT),
                new ToolkitTokenIssued(TOOLKIT, UUID.fromString("7d1f9a4e-3c2b-4d5e-8f60-1a2b3c4d5e6f"), "support bot", EXPIRES),
                new ToolkitTokenRevoked(TOOLKIT, UUID.fromString("7d1f9a4e-3c2b-4d5e-8f60-1a2b3c4d5e6f")),
                new CallProxied(CONNECTION, "production", "GET", "acme.zendesk.com", "/tickets", 200, "answered", 143, 0, 5120L),
                new CallProxied(CONNECTION, "production", "POST", "acme.zendesk.com", "/tickets", null, "timed_out", 30000, 812, null),
                new ActionRun(CONNECTION, "production", "github", "create_issue", null, 201, "succeeded", 412),
                new ActionRun(CONNECTION, "production", "github", "create_issue", null, null, "invalid_input", 0),
                new AccessDenied("f525a5c4-07bc-435f-85f0-c32bb58820e7", "DELETE", "/api/v1/auth-configs/" + AUTH_CONFIG,
                        "auth-configs:delete"));
    }
}
