package dev.latchkey.authconfig.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * connected-apps-service, which owns connections and so has the last word on whether an auth config is in use;
 * called with this service's own token (client credentials through quarkus-oidc-client).
 */
@RegisterRestClient(configKey = "connected-apps-service")
@OidcClientFilter
@Path("/internal/v1/tenants/{tenant}/auth-configs/{authConfigId}/retirement")
public interface ConnectedApps {

    /** {@code retired}: no connection uses the auth config and none can be made from it now; else how many use it. */
    record Retirement(boolean retired, long connections) {
    }

    @POST
    Uni<Retirement> retire(@PathParam("tenant") String tenant, @PathParam("authConfigId") UUID authConfigId);
}
