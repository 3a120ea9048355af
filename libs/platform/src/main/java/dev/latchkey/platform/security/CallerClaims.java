package dev.latchkey.platform.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/** Turns the claims of a verified token into a {@link Caller}, refusing tokens without a tenant. */
public final class CallerClaims {

    private CallerClaims() {
    }

    public static Caller toCaller(Function<String, Object> claims, String subject, SecurityConfig config) {
        Caller caller = callerOrNull(claims, subject, config);
        if (caller == null) {
            throw new MissingTenantException(config.tenantClaim());
        }
        return caller;
    }

    /** The caller the claims name; null when they name no tenant. */
    static Caller callerOrNull(Function<String, Object> claims, String subject, SecurityConfig config) {
        String tenantId = text(claims.apply(config.tenantClaim()));
        if (tenantId == null || tenantId.isBlank()) {
            return null;
        }
        return new Caller(tenantId, subject, roles(claims.apply(config.rolesClaim())), text(claims.apply(config.nameClaim())));
    }

    private static String text(Object claim) {
        return claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
    }

    /** The claim's roles, never {@link Caller#TOOLKIT}: only a toolkit token makes a toolkit's caller, no issuer's JWT. */
    private static Set<String> roles(Object claim) {
        Set<String> roles = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).forEach(role -> roles.add(role.getString()));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(role -> roles.add(String.valueOf(role)));
        }
        roles.remove(Caller.TOOLKIT);
        return roles;
    }
}
