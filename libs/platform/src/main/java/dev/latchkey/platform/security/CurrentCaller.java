package dev.latchkey.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request: the one {@link VerifiedTokens} keeps with a token it verified before, or
 * else read once from the verified bearer token's claims.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final SecurityConfig config;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token, SecurityConfig config) {
        this.identity = identity;
        this.token = token;
        this.config = config;
    }

    public Caller get() {
        if (caller == null) {
            Caller kept = identity.getAttribute(VerifiedTokens.CALLER);
            caller = kept != null ? kept : CallerClaims.toCaller(token::getClaim, token.getSubject(), config);
        }
        return caller;
    }
}
