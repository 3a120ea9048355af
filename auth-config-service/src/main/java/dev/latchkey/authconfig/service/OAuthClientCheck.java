package dev.latchkey.authconfig.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.platform.outbound.GuardedHttp;
import dev.latchkey.platform.outbound.OutboundConfig;
import dev.latchkey.platform.text.Redaction;
import dev.latchkey.catalog.auth.FormUrlEncoding;
import dev.latchkey.catalog.auth.TokenRequestAuth;
import dev.latchkey.oauth.OAuthClient;
import dev.latchkey.oauth.TokenRequest;
import dev.latchkey.probes.FailureCategory;
import dev.latchkey.probes.ProbeResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tests an OAuth2 client without a user: a real client-credentials token request (RFC 6749 §4.4) at the token
 * URL. A token proves the client id and secret; {@code invalid_client} disproves them; a provider that does not
 * grant client credentials to this client still proves the endpoint answers, and says the secret can only be
 * checked when a user authorizes. The answer is a token response: read within the token-response cap.
 */
@ApplicationScoped
public class OAuthClientCheck {

    /** Some servers (Keycloak) answer a wrong secret with unauthorized_client, saying so only in the description. */
    private static final Pattern INVALID_CLIENT = Pattern.compile("invalid client", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_FOR_THIS_CLIENT =
            Set.of("unauthorized_client", "unsupported_grant_type", "invalid_grant", "invalid_scope", "invalid_request");

    private final GuardedHttp http;
    private final long maxResponseBytes;

    public OAuthClientCheck(GuardedHttp http, OutboundConfig outbound) {
        this.http = http;
        this.maxResponseBytes = outbound.maxTokenResponse().asLongValue();
    }

    public Uni<ProbeResult> check(String tokenUrl, String clientId, String clientSecret, TokenRequestAuth auth,
            List<String> scopes, String scopeSeparator, Duration timeout) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(scopeSeparator, scopes));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        auth.authenticate(clientId, clientSecret, form, headers);
        String body = FormUrlEncoding.encode(form);
        Redaction redaction = Redaction.of(Stream.ofNullable(clientSecret).toList()).andHeaders(headers);
        long started = System.nanoTime();
        return http.send("POST", URI.create(tokenUrl), headers, body, timeout, maxResponseBytes)
                .map(response -> outcome(response, since(started)))
                .onFailure().recoverWithItem(failure -> ProbeResult.failure(failure, since(started)))
                .map(result -> result.redacted(redaction));
    }

    /**
     * Tests a JWT bearer client (RFC 7523 §2.1): an assertion signed with its private key, sent as connections send it.
     * A token proves the key, issuer, subject and audience; {@code invalid_grant} or {@code invalid_client} disproves
     * them; a key that cannot sign is a setting to fix.
     */
    public Uni<ProbeResult> checkJwtBearer(OAuthClient client, String privateKey, Duration timeout) {
        long started = System.nanoTime();
        TokenRequest request;
        try {
            request = TokenRequest.withoutUser(client, privateKey);
        } catch (IllegalArgumentException unusable) {
            return Uni.createFrom().item(ProbeResult.failure(FailureCategory.CONFIG, "the private key " + unusable.getMessage(),
                    since(started)));
        }
        Redaction redaction = Redaction.of(List.of(privateKey, request.body()));
        return http.send("POST", request.url(), request.headers(), request.body(), timeout, maxResponseBytes)
                .map(response -> {
                    JsonNode answer = Json.parseOrEmpty(response.body());
                    String error = answer.path("error").asText("");
                    if (response.statusCode() == 200 && answer.hasNonNull("access_token")) {
                        return ProbeResult.success("the token endpoint issued a token for the signed assertion", since(started));
                    }
                    if (error.equals("invalid_grant") || error.equals("invalid_client") || response.statusCode() == 401) {
                        return ProbeResult.failure(FailureCategory.AUTH_FAILED, "the provider refused the signed assertion ("
                                + (error.isEmpty() ? response.statusCode() : error) + "): check the key, issuer, subject and"
                                + " audience", since(started));
                    }
                    return outcome(response, since(started));
                })
                .onFailure().recoverWithItem(failure -> ProbeResult.failure(failure, since(started)))
                .map(result -> result.redacted(redaction));
    }

    private static ProbeResult outcome(HttpResponse<String> response, Duration latency) {
        JsonNode answer = Json.parseOrEmpty(response.body());
        String error = answer.path("error").asText("");
        if (response.statusCode() == 200 && answer.hasNonNull("access_token")) {
            return ProbeResult.success("the token endpoint issued a token for these client credentials", latency);
        }
        if (error.equals("invalid_client") || INVALID_CLIENT.matcher(answer.path("error_description").asText("")).find()
                || (response.statusCode() == 401 && !NOT_FOR_THIS_CLIENT.contains(error))) {
            return ProbeResult.failure(FailureCategory.AUTH_FAILED, "the provider refused the client id or secret", latency);
        }
        if (NOT_FOR_THIS_CLIENT.contains(error)) {
            return ProbeResult.success("the token endpoint answers (" + error + " for client credentials); the client secret is"
                    + " checked when a user first authorizes a connection", latency);
        }
        if (response.statusCode() == 404) {
            return ProbeResult.failure(FailureCategory.CONFIG, "the token URL does not exist (404)", latency);
        }
        return ProbeResult.failure(response.statusCode() >= 500 ? FailureCategory.UNREACHABLE : FailureCategory.CONFIG,
                "the token endpoint answered " + response.statusCode() + (error.isEmpty() ? "" : " (" + error + ")"), latency);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

}
