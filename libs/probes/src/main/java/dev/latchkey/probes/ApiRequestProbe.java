package dev.latchkey.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.platform.outbound.GuardedHttp;
import dev.latchkey.platform.text.Redaction;
import dev.latchkey.catalog.ApiClient;
import dev.latchkey.catalog.AuthorizedRequest;
import dev.latchkey.catalog.ConnectionTest;
import dev.latchkey.catalog.Template;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.Digest;
import dev.latchkey.catalog.digest.DigestChallenge;
import io.smallrye.mutiny.Uni;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends an entry's test request with the auth config's credentials and judges the answer as the entry says:
 * the expected status, and the values at JSON paths for providers that answer 200 with an error flag. Digest
 * credentials answer the challenge of the first 401 (RFC 7616) in a second request. The whole exchange runs within
 * the test's timeout and reads at most {@code maxBodyBytes} of each answer.
 */
public class ApiRequestProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GuardedHttp http;
    private final long maxBodyBytes;

    public ApiRequestProbe(GuardedHttp http, long maxBodyBytes) {
        this.http = http;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Uni<ProbeResult> check(ApiClient api, AuthOption option, Map<String, String> values, Duration timeout) {
        Set<String> declared = option.variables();
        ConnectionTest test = api.test();
        AuthorizedRequest authorized = AuthorizedRequest.of(api, option, values);
        Map<String, String> headers = new LinkedHashMap<>(authorized.headers());
        test.headers().forEach((name, value) -> headers.put(name, Template.parse(value, declared).render(values)));
        String url = authorized.baseUrl() + Template.parse(test.path(), declared).render(values)
                + queryString(authorized.query(), test.path().contains("?"));
        String body = test.body() == null ? null : Template.parse(test.body(), declared).render(values);
        Redaction redaction = Redaction.of(secretValues(values)).andHeaders(headers);
        long started = System.nanoTime();
        // A URL that does not parse fails here, quoting the URL (and a key in its query): redacted like any failure.
        return Uni.createFrom().item(() -> URI.create(url))
                .chain(uri -> http.send(test.method(), uri, headers, body, timeout, maxBodyBytes)
                        .chain(response -> option instanceof Digest ? answeringDigest(response, test.method(), uri,
                                headers, body, values, timeout.minus(since(started))) : Uni.createFrom().item(response)))
                .map(response -> outcome(test.expect(), response, since(started)))
                .onFailure().recoverWithItem(failure -> ProbeResult.failure(failure, since(started)))
                .map(result -> result.redacted(redaction));
    }

    /**
     * The request once more, answering the challenge of a 401 with the user name and password; any other answer, or a
     * 401 without a Digest challenge Latchkey can answer, is the outcome as it is.
     */
    private Uni<HttpResponse<String>> answeringDigest(HttpResponse<String> challenged, String method, URI uri,
            Map<String, String> headers, String body, Map<String, String> values, Duration remaining) {
        Optional<DigestChallenge> challenge = challenged.statusCode() == 401
                ? DigestChallenge.first(challenged.headers().allValues("WWW-Authenticate")) : Optional.empty();
        if (challenge.isEmpty() || remaining.isNegative()) {
            return Uni.createFrom().item(challenged);
        }
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> answered = new LinkedHashMap<>(headers);
        answered.put("Authorization", challenge.get().authorization(method, target,
                values.getOrDefault("credentials.username", ""), values.getOrDefault("credentials.password", ""), 1,
                DigestChallenge.newClientNonce(), body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
        return http.send(method, uri, answered, body, remaining, maxBodyBytes);
    }

    private static List<String> secretValues(Map<String, String> values) {
        return values.entrySet().stream().filter(value -> value.getKey().startsWith("credentials."))
                .map(Map.Entry::getValue).toList();
    }

    private static ProbeResult outcome(ConnectionTest.Expect expect, HttpResponse<String> response, Duration latency) {
        int status = response.statusCode();
        if (status == 401) {
            return ProbeResult.failure(FailureCategory.AUTH_FAILED, "the API refused the credentials (401)", latency);
        }
        if (status == 403) {
            return ProbeResult.failure(FailureCategory.PERMISSION_DENIED, "the API accepted the credentials but refused the request (403)", latency);
        }
        if (!expect.status().contains(status)) {
            return ProbeResult.failure(FailureCategory.CONFIG, "the test request answered " + status + ", expected " + expect.status(), latency);
        }
        JsonNode body = parse(response.body());
        for (var expected : expect.json().entrySet()) {
            JsonNode actual = at(body, expected.getKey());
            if (!actual.asText().equals(String.valueOf(expected.getValue()))) {
                return ProbeResult.failure(FailureCategory.AUTH_FAILED, "the API answered " + expected.getKey() + " = "
                        + (actual.isMissingNode() ? "nothing" : actual.asText()) + ", expected " + expected.getValue(), latency);
            }
        }
        return ProbeResult.success("the test request succeeded (" + status + ")", latency);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static JsonNode at(JsonNode body, String dottedPath) {
        JsonNode node = body;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static String queryString(Map<String, String> query, boolean pathHasQuery) {
        if (query.isEmpty()) {
            return "";
        }
        return (pathHasQuery ? "&" : "?") + query.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
