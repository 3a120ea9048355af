package dev.latchkey.platform.security;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read once from its verified bearer token. */
@RequestScoped
public class CurrentCaller {

    private final JsonWebToken token;
    private final SecurityConfig config;
    private Caller caller;

    public CurrentCaller(JsonWebToken token, SecurityConfig config) {
        this.token = token;
        this.config = config;
    }

    public Caller get() {
        if (caller == null) {
            caller = CallerClaims.toCaller(token::getClaim, token.getSubject(), config);
        }
        return caller;
    }
}
