package dev.latchkey.gateway.client;

import dev.latchkey.oauth.RefreshOutcome;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * token-refresher's on-demand refresh, called with this service's own token (client credentials through
 * quarkus-oidc-client): of a token inside its margin, or ({@code refused}) of one an API refused though not due. A
 * 409 means the grant is gone for good; anything else that is not a 200 may pass.
 */
@RegisterRestClient(configKey = "token-refresher")
@OidcClientFilter
@Path("/internal/v1/tenants/{tenant}/refresh")
public interface TokenRefresher {

    @POST
    @Path("/{connectionId}")
    Uni<RefreshOutcome> refresh(@PathParam("tenant") String tenant, @PathParam("connectionId") UUID connectionId,
            @QueryParam("refused") boolean refused);
}
