package dev.latchkey.console.security;

import dev.latchkey.console.config.ConsoleConfig;
import io.quarkus.oidc.IdToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The token every form of the console carries (a synchronizer token): an HMAC of the sign-in session, so it is the same
 * on every replica and worthless in another session. Every POST resource method checks it first ({@link #check}); a
 * test holds every such method to that. The session cookie is also {@code SameSite=Lax}, which keeps other sites' POSTs
 * from carrying it at all: two locks, either of which stops a cross-site form.
 */
@RequestScoped
@Named("csrf")
public class CsrfTokens {

    // The ID token's qualifier applies to fields and methods only, not to constructor parameters.
    @Inject
    @IdToken
    JsonWebToken idToken;

    private final ConsoleConfig config;

    public CsrfTokens(ConsoleConfig config) {
        this.config = config;
    }

    /** This session's token, for the forms' hidden {@code csrf} field. */
    public String token() {
        String session = idToken.getClaim("sid") != null ? idToken.getClaim("sid").toString()
                : idToken.getSubject() + ":" + idToken.getIssuedAtTime();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.csrfKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("console-form:" + session).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Refuses a submission whose token is missing or not this session's (403, nothing changed). */
    public void check(String submitted) {
        if (submitted == null || !MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8),
                token().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("The form is from another session or another site. Reload the page and try again.");
        }
    }
}
