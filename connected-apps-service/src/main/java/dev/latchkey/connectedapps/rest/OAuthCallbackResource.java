package dev.latchkey.connectedapps.rest;

import dev.latchkey.connectedapps.service.AuthorizationFlow;
import dev.latchkey.connectedapps.service.AuthorizationFlow.BrowserMismatchException;
import dev.latchkey.connectedapps.service.AuthorizationFlow.InvalidStateException;
import dev.latchkey.connectedapps.service.AuthorizationFlow.ProviderRefusedException;
import dev.latchkey.connectedapps.service.AuthorizationFlow.ServerMismatchException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.UriBuilder;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where providers send the user back (RFC 6749 §4.1.2). Public by necessity: the state, single use and short
 * lived, is what ties the request to a connection; a flow a connect page started also needs that page's cookie.
 * Sends the user on to the connect session's return URL, or answers with a small page the user reads.
 */
@Path("/oauth/callback")
@PermitAll
public class OAuthCallbackResource {

    private final AuthorizationFlow flow;

    public OAuthCallbackResource(AuthorizationFlow flow) {
        this.flow = flow;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @APIResponse(responseCode = "200", description = "The connection is made: a page that says so",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "303", description = "On to the connect session's return URL, with connection_id or error")
    @APIResponse(responseCode = "400", description = "No provider's answer, a state that cannot be used (or not in this"
            + " browser), or the provider's refusal",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "502", description = "The provider refused to issue tokens",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String description,
            @QueryParam("iss") String issuer, @CookieParam(ConnectPageResource.BROWSER_COOKIE) String browser) {
        if (error != null) {
            String explanation = ProviderErrors.explain(error);
            if (state == null) {
                return Uni.createFrom().item(CallbackPage.failed(400, "The provider did not authorize the connection", explanation));
            }
            // An unknown state still gets the explanation: there is just no connection to record the failure on.
            return flow.failed(state, error, description, browser)
                    .map(returnUrl -> returnUrl == null
                            ? CallbackPage.failed(400, "The provider did not authorize the connection", explanation)
                            : back(returnUrl, null, error))
                    .onFailure(InvalidStateException.class)
                    .recoverWithItem(failure -> CallbackPage.failed(400, "The provider did not authorize the connection", explanation))
                    .onFailure(BrowserMismatchException.class).recoverWithItem(OAuthCallbackResource::elsewhere);
        }
        if (code == null || state == null) {
            return Uni.createFrom().item(CallbackPage.failed(400, "This is not a provider's answer",
                    "The page needs the code and state a provider sends back."));
        }
        return flow.complete(state, code, issuer, browser)
                .map(completed -> completed.returnUrl() == null
                        ? CallbackPage.connected(completed.connection().name, completed.connection().id)
                        : back(completed.returnUrl(), completed.connection().id, null))
                .onFailure(InvalidStateException.class)
                .recoverWithItem(failure -> CallbackPage.failed(400, "This sign-in link cannot be used", failure.getMessage()))
                .onFailure(BrowserMismatchException.class).recoverWithItem(OAuthCallbackResource::elsewhere)
                .onFailure(ServerMismatchException.class)
                .recoverWithItem(failure -> mismatched((ServerMismatchException) failure))
                .onFailure(ProviderRefusedException.class)
                .recoverWithItem(failure -> refused((ProviderRefusedException) failure));
    }

    /** Another browser than the one that started the flow: a page, never the return URL, which is that browser's. */
    private static Response elsewhere(Throwable failure) {
        return CallbackPage.failed(400, "This sign-in cannot be completed here", failure.getMessage());
    }

    private static Response mismatched(ServerMismatchException failure) {
        return failure.returnUrl() == null
                ? CallbackPage.failed(400, "This sign-in cannot be completed", failure.getMessage())
                : back(failure.returnUrl(), null, failure.error());
    }

    private static Response refused(ProviderRefusedException failure) {
        return failure.returnUrl() == null
                ? CallbackPage.failed(502, "The provider refused to issue tokens", ProviderErrors.explain(failure.error()))
                : back(failure.returnUrl(), null, failure.error());
    }

    /**
     * To the caller's return URL (checked against its allowed origins when the session was made). The values go in
     * as template values, encoded: a provider's error code may hold braces, which as a template would fail the
     * build after the state was spent.
     */
    static Response back(String returnUrl, UUID connectionId, String error) {
        UriBuilder target = UriBuilder.fromUri(returnUrl);
        Map<String, Object> values = new HashMap<>();
        if (connectionId != null) {
            target.queryParam("connection_id", "{connectionId}");
            values.put("connectionId", connectionId);
        }
        if (error != null) {
            target.queryParam("error", "{error}");
            values.put("error", error);
        }
        return Response.seeOther(target.buildFromMap(values)).build();
    }
}
