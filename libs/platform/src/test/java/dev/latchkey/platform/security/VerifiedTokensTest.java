package dev.latchkey.platform.security;

import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.testing.Eventually;
import dev.latchkey.testing.OidcTestServer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A token verified once is trusted until it expires and no longer; any other string is verified afresh. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verified;

    @Test
    void aTokenIsVerifiedOnceThenKept() {
        String token = OidcTestServer.current().accessToken("demo", "carol", "viewer");
        int before = verified.kept();
        caller(token).statusCode(200);
        caller(token).statusCode(200);
        caller(token).statusCode(200);
        assertEquals(before + 1, verified.kept(), "the token is kept once, however often it is presented");

        caller(OidcTestServer.current().expiredAccessToken("demo", "carol", "viewer")).statusCode(401);
        caller(OidcTestServer.current().accessTokenSignedByAnotherKey("demo", "carol", "viewer")).statusCode(401);
        assertEquals(before + 1, verified.kept(), "a token that fails verification is never kept");
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItExpires() throws ParseException {
        String token = OidcTestServer.current().accessTokenExpiringIn(Duration.ofSeconds(3), "demo", "alice", "viewer");
        caller(token).statusCode(200).body("tenant", equalTo("demo"));
        caller(token).statusCode(200);

        long expiresAt = expiry(token);
        Eventually.until("the token's exp to pass", () -> Instant.now().getEpochSecond() > expiresAt);
        caller(token).statusCode(401);
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsRefused() {
        String token = OidcTestServer.current().accessToken("demo", "alice", "viewer");
        caller(token).statusCode(200);

        String[] parts = token.split("\\.");
        String otherTenant = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"demo\"", "\"acme\"");
        String claimsChanged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherTenant.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        caller(claimsChanged).statusCode(401);

        char flipped = parts[2].charAt(10) == 'A' ? 'B' : 'A';
        String signatureChanged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + flipped + parts[2].substring(11);
        caller(signatureChanged).statusCode(401);

        caller(token).statusCode(200).body("tenant", equalTo("demo"));
    }

    @Test
    void eachTokenKeepsItsOwnCaller() {
        String demo = OidcTestServer.current().accessToken("demo", "alice", "viewer");
        String acme = OidcTestServer.current().accessToken("acme", "bob", "admin");
        for (int round = 0; round < 3; round++) {
            caller(demo).statusCode(200).body("tenant", equalTo("demo")).body("subject", equalTo("alice"))
                    .body("roles", equalTo(List.of("viewer")));
            caller(acme).statusCode(200).body("tenant", equalTo("acme")).body("subject", equalTo("bob"))
                    .body("roles", equalTo(List.of("admin")));
        }
    }

    @Test
    void aVerifiedTokenThatNamesNoTenantIsRefusedEveryTime() {
        String noTenant = OidcTestServer.current().accessTokenWithClaims(OidcTestServer.ISSUER, OidcTestServer.AUDIENCE,
                Map.of("roles", List.of("admin")));
        for (int round = 0; round < 3; round++) {
            caller(noTenant).statusCode(403);
        }
    }

    /** The token's {@code exp}, in seconds since the epoch. */
    private static long expiry(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond();
    }

    private static io.restassured.response.ValidatableResponse caller(String token) {
        return given().auth().oauth2(token).get("/api/v1/caller").then();
    }
}
