package dev.latchkey.platform.security;

import java.util.Set;

/**
 * Who is calling: the tenant whose data the request may touch, the subject (a user or a service
 * client), and the roles and permissions the bearer token grants.
 */
public record Caller(String tenant, String subject, Set<String> roles) {

    public static final String ADMIN = "admin";
    public static final String DEVELOPER = "developer";
    public static final String VIEWER = "viewer";
    public static final String CREDENTIALS_READ = "credentials:read";
    public static final String SERVICE = "service";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
