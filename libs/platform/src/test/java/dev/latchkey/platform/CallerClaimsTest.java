package dev.latchkey.platform;

import dev.latchkey.platform.security.Caller;
import dev.latchkey.platform.security.CallerClaims;
import dev.latchkey.platform.security.MissingTenantException;
import dev.latchkey.platform.security.SecurityConfig;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallerClaimsTest {

    private static final SecurityConfig DEFAULTS = config("tenant", "roles");

    @Test
    void tenantAndRolesAreReadFromTheConfiguredClaims() {
        Map<String, Object> claims = Map.of(
                "org", Json.createValue("acme"),
                "groups", Json.createArrayBuilder().add("admin").add("credentials:read").build(),
                "preferred_username", Json.createValue("Ops Robot"));

        Caller caller = CallerClaims.toCaller(claims::get, "svc-1", config("org", "groups"));

        assertEquals(new Caller("acme", "svc-1", Set.of("admin", "credentials:read"), "Ops Robot"), caller);
        assertEquals(true, caller.has(Caller.CREDENTIALS_READ));
    }

    @Test
    void tokenWithoutTenantIsRefused() {
        Map<String, Object> claims = Map.of("roles", Json.createArrayBuilder().add("admin").build());

        assertThrows(MissingTenantException.class, () -> CallerClaims.toCaller(claims::get, "alice", DEFAULTS));
        assertThrows(MissingTenantException.class,
                () -> CallerClaims.toCaller(Map.<String, Object>of("tenant", Json.createValue(" "))::get, "alice", DEFAULTS));
    }

    @Test
    void tokenWithoutRolesHasNone() {
        Caller caller = CallerClaims.toCaller(Map.<String, Object>of("tenant", "demo")::get, "alice", DEFAULTS);

        assertEquals(Set.of(), caller.roles());
        assertEquals(null, caller.name(), "no display name claim");
    }

    private static SecurityConfig config(String tenantClaim, String rolesClaim) {
        return new SecurityConfig() {
            @Override
            public String tenantClaim() {
                return tenantClaim;
            }

            @Override
            public String rolesClaim() {
                return rolesClaim;
            }

            @Override
            public String nameClaim() {
                return "preferred_username";
            }

            @Override
            public Duration denialWindow() {
                return Duration.ofMinutes(1);
            }

            @Override
            public int verifiedTokens() {
                return 0;
            }

            @Override
            public RateLimit rateLimit() {
                return null;   // CallerClaims reads only the claims' names
            }
        };
    }
}
