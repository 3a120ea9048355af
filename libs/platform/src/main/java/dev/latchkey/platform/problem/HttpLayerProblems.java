package dev.latchkey.platform.problem;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The refusals the HTTP layer makes before any resource runs, as problems like every other error: a URI or a body
 * beyond the limits (414, 413) and a bearer token that fails verification (401, which quarkus-oidc answers before
 * {@code PermissionFilter} sees the request). Left to Vert.x and Quarkus, each is a status with an empty body.
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Just before authentication: an oversized request is refused without spending a signature check on it. */
    private static final int BEFORE_AUTHENTICATION = -SecurityHandlerPriorities.AUTHENTICATION - 1;

    private static final String CHALLENGE = "latchkey.challenge";
    private static final String CHALLENGE_DETAIL = "latchkey.challenge-detail";

    private final int maxUriLength;
    private final long maxBodySize;

    HttpLayerProblems(@ConfigProperty(name = "latchkey.http.max-uri-length") int maxUriLength,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_AUTHENTICATION).handler(this::refuseOversized);
        router.route().failureHandler(this::rejectToken);
    }

    private void refuseOversized(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            refuse(context, Problem.of("uri-too-long", "URI too long", 414,
                    "The request's path and query are longer than " + maxUriLength + " characters.", null));
        } else if (declaredBodySize(request) > maxBodySize) {
            refuse(context, Problem.of("content-too-large", "Content too large", 413,
                    "The request body is larger than " + maxBodySize + " bytes.", instance(request)));
        } else {
            context.next();
        }
    }

    /**
     * How an authentication mechanism of a service's own that refuses a request wants it answered: its
     * {@code WWW-Authenticate} challenge and the problem's detail, instead of the bearer-token ones.
     */
    public static void challenge(RoutingContext context, String wwwAuthenticate, String detail) {
        context.put(CHALLENGE, wwwAuthenticate);
        context.put(CHALLENGE_DETAIL, detail);
    }

    /**
     * Says why without repeating anything of the token: its claims are the caller's business, not the answer's. A token
     * that could not be checked because the service that knows it did not answer ({@link UnavailableException}, from a
     * mechanism of a service's own) is a 503: the caller may try again.
     */
    private void rejectToken(RoutingContext context) {
        if (context.response().ended()) {
            context.next();
            return;
        }
        if (context.failure() instanceof UnavailableException unavailable) {
            send(context, Problem.of("unavailable", "Service unavailable", 503, unavailable.getMessage(), instance(context.request())));
            return;
        }
        if (!(context.failure() instanceof AuthenticationFailedException)) {
            context.next();
            return;
        }
        String challenge = context.get(CHALLENGE);
        String detail = context.get(CHALLENGE_DETAIL);
        context.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, challenge != null ? challenge : "Bearer error=\"invalid_token\"");
        send(context, Problem.of("unauthorized", "Unauthorized", 401, detail != null ? detail
                : "The bearer token is malformed, expired, not signed by the trusted issuer or meant for another audience.",
                instance(context.request())));
    }

    /** The unread body is still on the connection, so the connection ends with the answer (as Quarkus's own 413 does). */
    private static void refuse(RoutingContext context, Problem problem) {
        context.response().putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close());
        send(context, problem);
    }

    private static void send(RoutingContext context, Problem problem) {
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }

    /** Netty has already refused a Content-Length that is not one number. */
    private static long declaredBodySize(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        return length == null ? 0 : Long.parseLong(length);
    }

    /** The path as sent; a path that is no valid URI (a raw {@code |}, say) leaves the problem without one. */
    private static URI instance(HttpServerRequest request) {
        try {
            return URI.create(request.path());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
