package dev.latchkey.platform.security;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling: the tenant whose data the request may touch, the subject (a user or a service
 * client), the roles the bearer token grants, and the name to show people (null when the token has none).
 */
public record Caller(String tenant, String subject, Set<String> roles, String name) {

    public static final String ADMIN = "admin";
    public static final String DEVELOPER = "developer";
    public static final String VIEWER = "viewer";
    public static final String CREDENTIALS_READ = "credentials:read";
    public static final String CONNECTIONS_CALL = "connections:call";
    public static final String SERVICE = "service";
    /** A toolkit token's holder (an agent): its subject is the token's id. */
    public static final String TOOLKIT = "toolkit";

    private static final Map<String, Set<Permission>> GRANTS = Map.of(
            ADMIN, EnumSet.of(Permission.VIEW, Permission.CREATE, Permission.EDIT, Permission.TEST,
                    Permission.CONNECT, Permission.DELETE, Permission.ADMINISTER, Permission.READ_AUDIT),
            DEVELOPER, EnumSet.of(Permission.VIEW, Permission.CREATE, Permission.EDIT, Permission.TEST,
                    Permission.CONNECT, Permission.READ_AUDIT),
            VIEWER, EnumSet.of(Permission.VIEW),
            CREDENTIALS_READ, EnumSet.of(Permission.READ_CREDENTIALS),
            CONNECTIONS_CALL, EnumSet.of(Permission.CALL_THROUGH),
            SERVICE, EnumSet.of(Permission.INTERNAL),
            TOOLKIT, EnumSet.of(Permission.CALL_TOOLKIT));

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether any of the caller's roles grants {@code permission}. */
    public boolean can(Permission permission) {
        if (permission == Permission.SIGNED_IN) {
            return true;
        }
        return roles.stream().anyMatch(role -> GRANTS.getOrDefault(role, Set.of()).contains(permission));
    }

    /**
     * Everything the caller's roles allow, in the enum's order: what a client such as the console shows buttons for
     * (the services still decide each request on their own).
     */
    @JsonProperty
    public List<Permission> permissions() {
        return Arrays.stream(Permission.values()).filter(this::can).toList();
    }

    /** The roles that grant {@code permission}, in a stable order: what a refused caller is told to ask for. */
    public static List<String> rolesGranting(Permission permission) {
        return GRANTS.entrySet().stream().filter(grant -> grant.getValue().contains(permission)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** How events name this caller: {@code user:<subject>}, {@code service:<subject>} or {@code toolkit-token:<id>}. */
    public String actor() {
        if (has(TOOLKIT)) {
            return "toolkit-token:" + subject;
        }
        return (has(SERVICE) ? "service:" : "user:") + subject;
    }
}
