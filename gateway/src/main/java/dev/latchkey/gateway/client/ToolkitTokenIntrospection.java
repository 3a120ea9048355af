package dev.latchkey.gateway.client;

import dev.latchkey.events.ToolkitGrant;
import dev.latchkey.events.ToolkitGrant.Introspection;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * connected-apps-service's introspection of toolkit tokens, called with this service's own token (client credentials
 * through quarkus-oidc-client): what a token lets its holder call, or inactive. The value goes in the body.
 */
@RegisterRestClient(configKey = "connected-apps-service")
@OidcClientFilter
@Path("/internal/v1/toolkit-tokens/introspection")
public interface ToolkitTokenIntrospection {

    @POST
    Uni<ToolkitGrant> introspect(Introspection introspection);
}
