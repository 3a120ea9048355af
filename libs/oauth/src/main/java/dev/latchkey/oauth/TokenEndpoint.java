package dev.latchkey.oauth;

import dev.latchkey.platform.outbound.GuardedHttp;
import dev.latchkey.platform.outbound.OutboundConfig;
import dev.latchkey.platform.problem.UpstreamException;
import dev.latchkey.platform.text.Redaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Sends token and revocation requests to providers, through the SSRF guard, the whole exchange within the timeout and
 * the answer within {@code latchkey.outbound.max-token-response} (64 KiB): a token response is a few hundred bytes.
 */
@ApplicationScoped
public class TokenEndpoint {

    private final GuardedHttp http;
    private final long maxResponseBytes;

    public TokenEndpoint(GuardedHttp http, OutboundConfig outbound) {
        this.http = http;
        this.maxResponseBytes = outbound.maxTokenResponse().asLongValue();
    }

    /** The provider's answer, success or error; fails with {@link UpstreamException} when there is none. */
    public Uni<TokenResponse> token(TokenRequest request, OAuthClient client, Duration timeout) {
        return send(request, timeout).map(response -> TokenResponse.of(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After"), client));
    }

    /** RFC 7009 §2.2: 200 means revoked (or already invalid); returns the status. */
    public Uni<Integer> revoke(TokenRequest request, Duration timeout) {
        return send(request, timeout).map(HttpResponse::statusCode);
    }

    /**
     * A request that got no complete answer (refused address, deadline passed, an answer over the cap, connection
     * error) fails as an upstream problem.
     */
    private Uni<HttpResponse<String>> send(TokenRequest request, Duration timeout) {
        return http.send("POST", request.url(), request.headers(), request.body(), timeout, maxResponseBytes)
                .onFailure().transform(failure -> new UnansweredException(request, failure));
    }

    /**
     * No complete answer from the provider: its cause says why (a timeout, an answer too large, a refused connection,
     * an address the guard refused).
     */
    public static class UnansweredException extends UpstreamException {
        public UnansweredException(TokenRequest request, Throwable cause) {
            super("The provider's endpoint at " + request.url().getHost() + " did not answer: " + describe(request, cause));
            initCause(cause);
        }

        /** The client's message may quote a header it refused, with the client's credentials in it. */
        private static String describe(TokenRequest request, Throwable cause) {
            String message = Redaction.of(List.of()).andHeaders(request.headers()).apply(cause.getMessage());
            return cause.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                    + (message == null || message.isBlank() ? "" : " (" + message + ")");
        }
    }
}
