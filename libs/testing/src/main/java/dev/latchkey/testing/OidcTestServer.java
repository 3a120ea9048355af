package dev.latchkey.testing;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * A real OAuth2/OIDC server (mock-oauth2-server) on a loopback port: discovery, JWKS, token endpoint and
 * signed JWTs. {@link #accessToken} mints tokens the way Latchkey's identity provider shapes them.
 */
public final class OidcTestServer implements AutoCloseable {

    /** The issuer id the services under test trust. */
    public static final String ISSUER = "latchkey";
    /** The audience every Latchkey service requires. */
    public static final String AUDIENCE = "latchkey";

    private static volatile OidcTestServer current;

    private final MockOAuth2Server server = new MockOAuth2Server();

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

    @Override
    public void close() {
        server.shutdown();
        current = null;
    }
}
