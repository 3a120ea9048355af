package dev.latchkey.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A token endpoint's answer (RFC 6749 §5): the tokens (secret fields), when the access token expires
 * ({@code expires_in}, else the catalog's fallback), the scopes granted ({@code scope}, else those requested),
 * and the provider's extras the catalog keeps (Salesforce's {@code instance_url}); or the error.
 */
public record TokenResponse(boolean ok, int status, Map<String, String> secretFields, Instant expiresAt,
                            List<String> grantedScopes, Map<String, String> metadata, String error, String errorDescription,
                            Optional<Duration> retryAfter) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a token endpoint's answer; a body that is not JSON is an error named after the HTTP status. */
    public static TokenResponse of(int status, String body, OAuthClient client) {
        return of(status, body, Optional.empty(), client);
    }

    /**
     * {@code retryAfter}: the response's {@code Retry-After} header (RFC 9110 §10.2.3), seconds or an HTTP date,
     * which a 429 or 503 answer may carry.
     */
    public static TokenResponse of(int status, String body, Optional<String> retryAfter, OAuthClient client) {
        JsonNode json;
        try {
            json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        if (status != 200 || !json.hasNonNull("access_token")) {
            return new TokenResponse(false, status, Map.of(), null, List.of(), Map.of(),
                    json.path("error").asText("http_" + status), json.path("error_description").asText(""),
                    retryAfter.flatMap(TokenResponse::delay));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("accessToken", json.get("access_token").asText());
        if (json.hasNonNull("refresh_token")) {
            secrets.put("refreshToken", json.get("refresh_token").asText());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = json.hasNonNull("expires_in") ? now.plusSeconds(json.get("expires_in").asLong())
                : client.fallbackExpiresIn().map(now::plus).orElse(null);
        List<String> scopes = json.hasNonNull("scope")
                ? Arrays.stream(json.get("scope").asText().split("[ ,]+")).filter(scope -> !scope.isBlank()).toList()
                : client.scopes();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (String field : client.tokenResponseMetadata()) {
            if (json.hasNonNull(field)) {
                metadata.put(field, json.get(field).asText());
            }
        }
        return new TokenResponse(true, status, secrets, expiresAt, scopes, metadata, null, null, Optional.empty());
    }

    private static Optional<Duration> delay(String retryAfter) {
        String value = retryAfter.strip();
        try {
            return value.matches("\\d{1,9}") ? Optional.of(Duration.ofSeconds(Long.parseLong(value)))
                    : Optional.of(Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)))
                            .filter(delay -> !delay.isNegative());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The provider's error and its description, as one line for a user. */
    public String problem() {
        return errorDescription == null || errorDescription.isBlank() ? error : error + ": " + errorDescription;
    }

    /** Never the tokens: a record's own toString would print them. */
    @Override
    public String toString() {
        return ok ? "TokenResponse[ok, expiresAt=" + expiresAt + ", scopes=" + grantedScopes + "]"
                : "TokenResponse[" + status + ", " + error + "]";
    }
}
