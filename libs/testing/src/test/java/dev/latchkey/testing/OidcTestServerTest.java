package dev.latchkey.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OidcTestServerTest {

    @Test
    void mintedTokenVerifiesAgainstThePublishedKeysAndCarriesTenantAndRoles() throws Exception {
        try (var oidc = OidcTestServer.start()) {
            String discovery = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(oidc.issuerUrl() + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(oidc.issuerUrl(), new ObjectMapper().readTree(discovery).get("issuer").asText());

            JWTClaimsSet claims = verify(oidc, oidc.accessToken("demo", "alice", "developer", "viewer"));

            assertEquals(oidc.issuerUrl(), claims.getIssuer());
            assertEquals("alice", claims.getSubject());
            assertEquals("demo", claims.getStringClaim("tenant"));
            assertEquals(java.util.List.of("developer", "viewer"), claims.getStringListClaim("roles"));
            assertTrue(claims.getAudience().contains(OidcTestServer.AUDIENCE));
        }
    }

    @Test
    void currentIsExplainedWhenNoServerRuns() {
        var error = assertThrows(IllegalStateException.class, OidcTestServer::current);
        assertTrue(error.getMessage().contains("@WithOidcServer"));
    }

    private static JWTClaimsSet verify(OidcTestServer oidc, String token) throws Exception {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        var keys = JWKSourceBuilder.<SecurityContext>create(URI.create(oidc.issuerUrl() + "/jwks").toURL()).build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        return processor.process(token, null);
    }
}
