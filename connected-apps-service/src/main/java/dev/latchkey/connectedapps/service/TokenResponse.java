package dev.latchkey.connectedapps.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token endpoint's answer (RFC 6749 §5): the tokens (secret fields), when the access token expires
 * ({@code expires_in}, else the catalog's fallback), the scopes granted ({@code scope}, else those requested),
 * and the provider's extras the catalog keeps (Salesforce's {@code instance_url}); or the error.
 */
record TokenResponse(boolean ok, Map<String, String> secretFields, Instant expiresAt, List<String> grantedScopes,
                     Map<String, String> metadata, String error, String errorDescription) {

    static TokenResponse of(int status, JsonNode body, OAuthApp app) {
        if (status != 200 || !body.hasNonNull("access_token")) {
            return new TokenResponse(false, Map.of(), null, List.of(), Map.of(),
                    body.path("error").asText("http_" + status), body.path("error_description").asText(""));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("accessToken", body.get("access_token").asText());
        if (body.hasNonNull("refresh_token")) {
            secrets.put("refreshToken", body.get("refresh_token").asText());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = body.hasNonNull("expires_in") ? now.plusSeconds(body.get("expires_in").asLong())
                : app.fallbackExpiresIn().map(now::plus).orElse(null);
        List<String> scopes = body.hasNonNull("scope")
                ? Arrays.stream(body.get("scope").asText().split("[ ,]+")).filter(scope -> !scope.isBlank()).toList()
                : app.scopes();
        Map<String, String> metadata = new LinkedHashMap<>();
        app.tokenResponseMetadata().forEach(field -> {
            if (body.hasNonNull(field)) {
                metadata.put(field, body.get(field).asText());
            }
        });
        return new TokenResponse(true, secrets, expiresAt, scopes, metadata, null, null);
    }
}
