package dev.latchkey.gateway.mcp;

import dev.latchkey.events.ToolkitGrant;
import dev.latchkey.events.ToolkitGrant.Introspection;
import dev.latchkey.gateway.client.ToolkitTokenIntrospection;
import dev.latchkey.platform.problem.HttpLayerProblems;
import dev.latchkey.platform.problem.UnavailableException;
import dev.latchkey.platform.security.Caller;
import dev.latchkey.platform.security.VerifiedTokens;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Set;

/**
 * Authenticates toolkit tokens ({@code lkt_...} bearer tokens, which agents hold), before any OIDC check: connected-apps-
 * service says on every request what the token may call ({@link ToolkitGrant}), so a revoked one stops at once. Its
 * caller has the {@code toolkit} role alone (the MCP server and nothing else) and names the token's id; the grant rides
 * along as {@link #GRANT}. An unknown, expired or revoked token, or none at all on the MCP server's path, is a 401 whose
 * {@code WWW-Authenticate} points at the server's protected resource metadata (RFC 9728), as MCP's authorization asks;
 * when connected-apps-service does not answer, a 503 (the token may well be good). Other bearer tokens pass on to the
 * OIDC check untouched.
 */
@ApplicationScoped
public class ToolkitTokenMechanism implements HttpAuthenticationMechanism {

    /** The attribute of a toolkit token's identity that holds its {@link ToolkitGrant}. */
    public static final String GRANT = "latchkey.toolkit-grant";

    private final ToolkitTokenIntrospection introspection;
    private final McpEndpoint endpoint;

    public ToolkitTokenMechanism(@RestClient ToolkitTokenIntrospection introspection, McpEndpoint endpoint) {
        this.introspection = introspection;
        this.endpoint = endpoint;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = VerifiedTokens.bearer(context);
        if (token == null && endpoint.isMcp(context.normalizedPath())) {
            return refused(context, "Bearer " + metadata(), "The MCP server needs a toolkit token as bearer token.");
        }
        if (token == null || !token.startsWith(ToolkitGrant.TOKEN_PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        return introspection.introspect(new Introspection(token))
                .onFailure().transform(failure -> new UnavailableException("The toolkit token could not be checked just now"
                        + " (connected-apps-service did not answer); try again shortly."))
                .chain(grant -> identity(context, grant));
    }

    /** The identity of an active token's holder; a refusal of any other. */
    private Uni<SecurityIdentity> identity(RoutingContext context, ToolkitGrant grant) {
        if (!grant.active()) {
            return refused(context, "Bearer error=\"invalid_token\", " + metadata(),
                    "The toolkit token is unknown, expired or revoked; ask the toolkit's owner for a new one.");
        }
        Caller caller = new Caller(grant.tenant(), String.valueOf(grant.tokenId()), Set.of(Caller.TOOLKIT), grant.toolkitName());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.actor()))
                .addRole(Caller.TOOLKIT)
                .addAttribute(VerifiedTokens.CALLER, caller)
                .addAttribute(GRANT, grant)
                .build());
    }

    /** A 401 problem with this challenge and detail ({@link HttpLayerProblems} answers it). */
    private static Uni<SecurityIdentity> refused(RoutingContext context, String challenge, String detail) {
        HttpLayerProblems.challenge(context, challenge, detail);
        return Uni.createFrom().failure(new AuthenticationFailedException(detail));
    }

    private String metadata() {
        return "resource_metadata=\"" + endpoint.resourceMetadataUrl() + "\"";
    }

    /** None of its own: a refusal is answered by {@link HttpLayerProblems}, with the challenge {@link #refused} left. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** Before {@link VerifiedTokens}, which would hand a toolkit token to the OIDC check. */
    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }
}
