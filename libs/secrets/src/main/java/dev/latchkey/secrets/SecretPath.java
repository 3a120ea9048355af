package dev.latchkey.secrets;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a secret lives: {@code tenants/{tenant}/auth-configs/{id}} or {@code tenants/{tenant}/connections/{id}}.
 * Built only from validated parts, so a tenant id can never climb into another tenant's path.
 */
public record SecretPath(String tenant, Kind kind, UUID id) {

    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public enum Kind {
        AUTH_CONFIG("auth-configs"),
        CONNECTION("connections");

        private final String segment;

        Kind(String segment) {
            this.segment = segment;
        }

        static Kind ofSegment(String segment) {
            for (Kind kind : values()) {
                if (kind.segment.equals(segment)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown secret kind '" + segment + "'");
        }
    }

    public SecretPath {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("invalid tenant id for a secret path");
        }
    }

    public static SecretPath authConfig(String tenant, UUID id) {
        return new SecretPath(tenant, Kind.AUTH_CONFIG, id);
    }

    public static SecretPath connection(String tenant, UUID id) {
        return new SecretPath(tenant, Kind.CONNECTION, id);
    }

    /** Parses the form produced by {@link #toString()}. */
    public static SecretPath parse(String path) {
        String[] segments = path.split("/", -1);
        if (segments.length != 4 || !"tenants".equals(segments[0])) {
            throw new IllegalArgumentException("a secret path has the form tenants/{tenant}/{kind}/{id}");
        }
        return new SecretPath(segments[1], Kind.ofSegment(segments[2]), UUID.fromString(segments[3]));
    }

    @Override
    public String toString() {
        return "tenants/" + tenant + "/" + kind.segment + "/" + id;
    }
}
