package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.service.AuthorizationFlow;
import dev.latchkey.connectedapps.service.OAuthAppResolver;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Where providers send the user back (RFC 6749 §4.1.2). Public by necessity: the state, single use and short
 * lived, is what ties the request to a connection. Answers with a small page the user reads.
 */
@Path("/oauth/callback")
@PermitAll
public class OAuthCallbackResource {

    private final AuthorizationFlow flow;
    private final OAuthAppResolver apps;

    public OAuthCallbackResource(AuthorizationFlow flow, OAuthAppResolver apps) {
        this.flow = flow;
        this.apps = apps;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String description) {
        if (error != null) {
            return Uni.createFrom().item(CallbackPage.failed(400, "The provider did not authorize the connection",
                    ProviderErrors.explain(error, description)));
        }
        if (code == null || state == null) {
            return Uni.createFrom().item(CallbackPage.failed(400, "This is not a provider's answer",
                    "The page needs the code and state a provider sends back."));
        }
        return flow.complete(state, code, apps)
                .map(connection -> CallbackPage.connected(connection.name, connection.id))
                .onFailure(AuthorizationFlow.InvalidStateException.class)
                .recoverWithItem(failure -> CallbackPage.failed(400, "This sign-in link cannot be used", failure.getMessage()))
                .onFailure(AuthorizationFlow.ProviderRefusedException.class)
                .recoverWithItem(failure -> CallbackPage.failed(502, "The provider refused to issue tokens",
                        ProviderErrors.explain(((AuthorizationFlow.ProviderRefusedException) failure).error(), failure.getMessage())));
    }
}
