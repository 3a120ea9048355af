package dev.latchkey.platform.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token once and trusts what the verification found until the token expires. A workflow that reads
 * credentials at every step presents the same token again and again, and checking its signature costs more than the
 * rest of a credential read. A token not seen before goes to quarkus-oidc (signature, issuer, audience, expiry); one
 * seen before is the same string, so it carries the same claims, and is accepted until its {@code exp}, never after.
 * Revocation is unchanged: a JWT's signature check never asked the issuer about it either.
 * <p>
 * At most {@code latchkey.security.verified-tokens} tokens are kept; when that many live, a new token is verified on
 * every request until expired ones make room. What is kept holds the token's principal, roles and credential only, none
 * of the request that first presented it, and the {@link Caller} its claims name ({@link #CALLER}), read once: reading a
 * claim the JWT standard does not name costs the JWT library an exception, and a request reads three.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    /** The attribute of a kept identity that holds its {@link Caller}; absent when the token names no tenant. */
    public static final String CALLER = "latchkey.caller";

    /** A verified identity and the second its token expires. */
    private record Verified(SecurityIdentity identity, long expiresAt) {
    }

    private final OidcAuthenticationMechanism oidc;
    private final SecurityConfig config;
    private final int capacity;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(OidcAuthenticationMechanism oidc, SecurityConfig config) {
        this.oidc = oidc;
        this.config = config;
        this.capacity = config.verifiedTokens();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = bearer(context);
        if (token == null) {
            return oidc.authenticate(context, identities);
        }
        Verified known = verified.get(token);
        if (known != null && Instant.now().getEpochSecond() < known.expiresAt()) {
            return Uni.createFrom().item(known.identity());
        }
        if (known != null) {
            verified.remove(token, known);
        }
        return oidc.authenticate(context, identities).invoke(identity -> remember(token, identity));
    }

    /** How many verified tokens are kept now. */
    public int kept() {
        return verified.size();
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        if (verified.size() >= capacity) {
            long now = Instant.now().getEpochSecond();
            verified.values().removeIf(entry -> entry.expiresAt() <= now);
            if (verified.size() >= capacity) {
                return;
            }
        }
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials());
        Caller caller = CallerClaims.callerOrNull(jwt::getClaim, jwt.getSubject(), config);
        if (caller != null) {
            kept.addAttribute(CALLER, caller);
        }
        verified.put(token, new Verified(kept.build(), jwt.getExpirationTime()));
    }

    /** The request's bearer token, null when it has none. */
    public static String bearer(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim()
                : null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    /** Before quarkus-oidc's own mechanism, which it calls for every token it has not verified. */
    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
