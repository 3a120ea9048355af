package dev.latchkey.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.net.InetAddress;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real OAuth2/OIDC server (mock-oauth2-server) on a loopback port: discovery, JWKS, token endpoint and
 * signed JWTs. {@link #accessToken} mints tokens the way Latchkey's identity provider shapes them; a service
 * asking the {@code latchkey} issuer for a client-credentials token gets one like a Latchkey service account's
 * (tenant {@code system}, role {@code service}, its client id as subject).
 */
public final class OidcTestServer implements AutoCloseable {

    /** The issuer id the services under test trust. */
    public static final String ISSUER = "latchkey";
    /** The audience every Latchkey service requires. */
    public static final String AUDIENCE = "latchkey";

    private static volatile OidcTestServer current;

    private final MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
            new OAuth2TokenProvider(), Set.of(new DefaultOAuth2TokenCallback(ISSUER, "service", "JWT", List.of(AUDIENCE),
                    Map.of("tenant", "system", "roles", List.of("service")), 3600)), new MockWebServerWrapper()));

    private OidcTestServer() {
    }

    public static OidcTestServer start() {
        var oidc = new OidcTestServer();
        try {
            oidc.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test OAuth2 server: " + e.getMessage(), e);
        }
        current = oidc;
        return oidc;
    }

    /** The server the running Quarkus test application trusts. */
    public static OidcTestServer current() {
        if (current == null) {
            throw new IllegalStateException("no test OIDC server runs: annotate the test class with @WithOidcServer");
        }
        return current;
    }

    public String issuerUrl() {
        return server.issuerUrl(ISSUER).toString();
    }

    /** The issuer's base URL, for tests that act as an OAuth2 provider's client. */
    public String issuerUrl(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    /** A signed access token for a user of {@code tenant} holding {@code roles}. */
    public String accessToken(String tenant, String subject, String... roles) {
        return server.issueToken(ISSUER, subject, AUDIENCE, Map.of("tenant", tenant, "roles", List.of(roles)))
                .serialize();
    }

    /** A signed access token with exactly the given claims, for tests of malformed or foreign tokens. */
    public String accessTokenWithClaims(String issuerId, String audience, Map<String, Object> claims) {
        return server.issueToken(issuerId, "subject", audience, claims).serialize();
    }

    /** A signed access token for a user of {@code tenant} that expires {@code lifetime} from now. */
    public String accessTokenExpiringIn(Duration lifetime, String tenant, String subject, String... roles) {
        return server.issueToken(ISSUER, subject, AUDIENCE, Map.of("tenant", tenant, "roles", List.of(roles)), lifetime.toSeconds())
                .serialize();
    }

    /** A token of the trusted issuer, signed by its key, that expired an hour ago. */
    public String expiredAccessToken(String tenant, String subject, String... roles) {
        return server.issueToken(ISSUER, subject, AUDIENCE, Map.of("tenant", tenant, "roles", List.of(roles)), -3600)
                .serialize();
    }

    /** A valid token's header and claims, signed by a key the issuer never published (under the issuer's key id). */
    public String accessTokenSignedByAnotherKey(String tenant, String subject, String... roles) {
        SignedJWT genuine = server.issueToken(ISSUER, subject, AUDIENCE, Map.of("tenant", tenant, "roles", List.of(roles)));
        try {
            var forged = new SignedJWT(genuine.getHeader(), genuine.getJWTClaimsSet());
            forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
            return forged.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("could not sign a token with another key: " + e.getMessage(), e);
        }
    }

    /**
     * The next token {@code issuerId} issues (an authorization code exchanged, say) lives {@code lifetime}: its
     * {@code expires_in}. Refreshes of that grant keep the lifetime.
     */
    public void nextTokenLifetime(String issuerId, Duration lifetime) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, "user", "JWT", List.of("api"), Map.of(), lifetime.toSeconds()));
    }

    @Override
    public void close() {
        server.shutdown();
        current = null;
    }
}
