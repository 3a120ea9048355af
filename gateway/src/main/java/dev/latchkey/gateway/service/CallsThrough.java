package dev.latchkey.gateway.service;

import dev.latchkey.gateway.client.ProviderAnswer;
import dev.latchkey.gateway.client.ProviderCall;
import dev.latchkey.gateway.service.ConnectionApis.ConnectionApi;
import dev.latchkey.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Calls a connection's API for a caller, credentials applied ({@link ConnectionApis}, {@link Forwarding}): with a
 * fresh token, once more with a renewed one after a 401, answering a Digest challenge. Each exchange with the provider
 * is {@link Exchanges}' to make, record and measure.
 */
@ApplicationScoped
public class CallsThrough {

    private static final Logger LOG = Logger.getLogger(CallsThrough.class);

    private final ConnectionApis apis;
    private final Exchanges exchanges;
    private final TokenRefreshes refreshes;

    public CallsThrough(ConnectionApis apis, Exchanges exchanges, TokenRefreshes refreshes) {
        this.apis = apis;
        this.exchanges = exchanges;
        this.refreshes = refreshes;
    }

    /**
     * The provider's answer, its body still to stream. An OAuth2 token inside its refresh margin is refreshed first;
     * a 401 to a token is answered by one refresh of it and the call once more, a 401 with a Digest challenge by the
     * call once more answering it, when the caller's body was small enough to be kept whole; a streamed one was sent
     * once, and the 401 is the caller's.
     */
    public Uni<ProviderAnswer> call(Caller caller, UUID connectionId, IncomingCall incoming) {
        return fresh(caller.tenant(), connectionId).chain(api -> {
            ProviderCall call = Forwarding.toProvider(incoming, api.request());
            boolean signed = api.digest() != null && api.digest().sign(call);
            return exchanges.make(caller, api, call).chain(answer -> {
                if (answer.status() != 401) {
                    return Uni.createFrom().item(answer);
                }
                if (api.tokenBased()) {
                    return incoming.body().replayable() ? afterRefusal(caller, api, incoming, answer)
                            : Uni.createFrom().item(answer);
                }
                boolean answerable = api.digest() != null
                        && api.digest().learn(answer.headers().getAll("WWW-Authenticate"), signed);
                return answerable && incoming.body().replayable()
                        ? Exchanges.again(answer, () -> exchanges.make(caller, api, signedCall(api, incoming)))
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
                        : Exchanges.again(refused, () -> exchanges.make(caller, renewed, Forwarding.toProvider(incoming, renewed.request()))));
    }

    private static int status(Throwable failure) {
        return failure instanceof WebApplicationException refusal ? refusal.getResponse().getStatus() : 0;
    }
}
