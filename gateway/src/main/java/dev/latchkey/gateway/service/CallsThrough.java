package dev.latchkey.gateway.service;

import dev.latchkey.events.AccessEvents.CallProxied;
import dev.latchkey.gateway.client.AnswerTooLargeException;
import dev.latchkey.gateway.client.ProviderAnswer;
import dev.latchkey.gateway.client.ProviderCall;
import dev.latchkey.gateway.client.ProviderHttp;
import dev.latchkey.gateway.events.CallEventWriter;
import dev.latchkey.gateway.service.ConnectionApis.ConnectionApi;
import dev.latchkey.platform.outbound.RefusedOutboundUrlException;
import dev.latchkey.platform.problem.UnavailableException;
import dev.latchkey.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Calls a connection's API for a caller, credentials applied ({@link ConnectionApis}, {@link Forwarding}), and records
 * every call that reached the point of being made as an {@code access.proxied} event: answered or not, the caller
 * learns of an answer only once its event is committed. Without its event there is no call to hand back: the
 * provider's answer is dropped and the caller gets a 503 to try again.
 */
@ApplicationScoped
public class CallsThrough {

    private static final Logger LOG = Logger.getLogger(CallsThrough.class);

    private final ConnectionApis apis;
    private final ProviderHttp http;
    private final CallEventWriter events;
    private final TokenRefreshes refreshes;

    public CallsThrough(ConnectionApis apis, ProviderHttp http, CallEventWriter events, TokenRefreshes refreshes) {
        this.apis = apis;
        this.http = http;
        this.events = events;
        this.refreshes = refreshes;
    }

    /**
     * The provider's answer, its body still to stream. An OAuth2 token inside its refresh margin is refreshed first;
     * a 401 to a token is answered by one refresh of it and the call once more, a 401 with a Digest challenge by the
     * call once more answering it (the caller's body is kept whole for that).
     */
    public Uni<ProviderAnswer> call(Caller caller, UUID connectionId, IncomingCall incoming) {
        return fresh(caller.tenant(), connectionId).chain(api -> {
            ProviderCall call = Forwarding.toProvider(incoming, api.request());
            boolean signed = api.digest() != null && api.digest().sign(call);
            return attempt(caller, api, call).chain(answer -> {
                if (answer.status() != 401) {
                    return Uni.createFrom().item(answer);
                }
                if (api.tokenBased()) {
                    return afterRefusal(caller, api, incoming, answer);
                }
                return api.digest() != null && api.digest().learn(answer.headers().getAll("WWW-Authenticate"), signed)
                        ? again(answer, () -> attempt(caller, api, signedCall(api, incoming)))
                        : Uni.createFrom().item(answer);
            });
        });
    }

    private static ProviderCall signedCall(ConnectionApi api, IncomingCall incoming) {
        ProviderCall call = Forwarding.toProvider(incoming, api.request());
        api.digest().sign(call);
        return call;
    }

    /**
     * The connection's API with a token outside its refresh margin: token-refresher refreshes one inside it first.
     * When it cannot now, a token still valid is used; an expired one is a 502, and a grant the provider ended a 409.
     */
    private Uni<ConnectionApi> fresh(String tenant, UUID connectionId) {
        return apis.of(tenant, connectionId).chain(api -> !api.due() ? Uni.createFrom().item(api)
                : refreshes.refresh(tenant, connectionId, false).chain(() -> apis.renewed(tenant, connectionId))
                        .onFailure(failure -> !(failure instanceof CallRefusedException)).recoverWithUni(failure -> {
                            if (status(failure) == 409) {
                                return Uni.createFrom().failure(CallRefusedException.notCallable("The connection's"
                                        + " authorization expired: authorize it again with POST /api/v1/connections/"
                                        + connectionId + "/reauthorize."));
                            }
                            LOG.warnf("on-demand refresh of connection %s failed: %s", connectionId, failure.toString());
                            return api.expired() ? Uni.createFrom().failure(new CallRefusedException(502, "upstream",
                                    "Bad gateway", "The connection's token expired and could not be refreshed just now;"
                                    + " try again shortly.")) : Uni.createFrom().item(api);
                        }));
    }

    /**
     * The provider refused the token: once, token-refresher refreshes it (or hands over one obtained meanwhile) and the
     * call goes again with it. When no token can be had, the provider's 401 is passed back as it came.
     */
    private Uni<ProviderAnswer> afterRefusal(Caller caller, ConnectionApi api, IncomingCall incoming, ProviderAnswer refused) {
        return refreshes.refresh(api.tenant(), api.connectionId(), true)
                .chain(() -> apis.renewed(api.tenant(), api.connectionId()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("no newer token after a 401 through connection %s: %s", api.connectionId(), failure.toString());
                    return null;
                })
                .chain(renewed -> renewed == null ? Uni.createFrom().item(refused)
                        : again(refused, () -> attempt(caller, renewed, Forwarding.toProvider(incoming, renewed.request()))));
    }

    /** The call once more, after the refusal is read to its end: so that its connection goes back to the pool whole. */
    private static Uni<ProviderAnswer> again(ProviderAnswer refused, Supplier<Uni<ProviderAnswer>> attempt) {
        return refused.body().collect().with(Collectors.counting()).onFailure().recoverWithNull().chain(ignored -> attempt.get());
    }

    /** One call to the provider, recorded. */
    private Uni<ProviderAnswer> attempt(Caller caller, ConnectionApi api, ProviderCall call) {
        long started = System.nanoTime();
        return http.send(call)
                .onFailure().recoverWithUni(failure -> record(caller, api, call, started, null, outcome(failure), null)
                        .chain(() -> Uni.createFrom().failure(refusal(failure))))
                .call(answer -> record(caller, api, call, started, answer.status(), "answered",
                        answer.declaredLength() < 0 ? null : answer.declaredLength())
                        .onFailure().invoke(answer.abandon()));
    }

    private static int status(Throwable failure) {
        return failure instanceof WebApplicationException refusal ? refusal.getResponse().getStatus() : 0;
    }

    private Uni<Void> record(Caller caller, ConnectionApi api, ProviderCall call, long startedNanos, Integer status,
            String outcome, Long responseBytes) {
        URI uri = call.uri();
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        long durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
        return events.proxied(caller, new CallProxied(api.connectionId(), api.environment(), call.method(), host, path, status,
                        outcome, durationMs, call.body().length(), responseBytes))
                .onFailure().transform(failure -> {
                    LOG.warnf("could not record a call through connection %s: %s", api.connectionId(), failure.toString());
                    return new UnavailableException("The call could not be recorded in the audit log just now, so its"
                            + " answer was not passed on; try again shortly.");
                });
    }

    private static String outcome(Throwable failure) {
        if (failure instanceof RefusedOutboundUrlException) {
            return "refused";
        }
        if (failure instanceof HttpTimeoutException) {
            return "timed_out";
        }
        return failure instanceof AnswerTooLargeException ? "too_large" : "unreachable";
    }

    /** What the caller is told of a call that got no answer; never a credential (the URL may hold one). */
    private static RuntimeException refusal(Throwable failure) {
        if (failure instanceof RefusedOutboundUrlException refused) {
            return new CallRefusedException(502, "destination-refused", "Destination refused", "The gateway does not call"
                    + " the connection's API at that address: " + refused.errors().get(0).message() + ".");
        }
        if (failure instanceof HttpTimeoutException) {
            return new CallRefusedException(504, "upstream-timeout", "Gateway timeout", "The API did not answer in time.");
        }
        if (failure instanceof AnswerTooLargeException tooLarge) {
            return new CallRefusedException(502, "upstream", "Bad gateway", "The API's answer is too large to pass on: "
                    + tooLarge.getMessage() + ".");
        }
        LOG.infof("a call through the gateway failed: %s", failure.getClass().getName());
        return new CallRefusedException(502, "upstream", "Bad gateway", "The API could not be reached.");
    }
}
