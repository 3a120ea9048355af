package dev.latchkey.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database laid out for audit-service as in production: the test server's role (the database's owner)
 * migrates, a role of its own runs the service and another the retention job, so the append-only grants hold for
 * real. The roles go with the database.
 */
public final class AuditDatabase implements AutoCloseable {

    private final PostgresTestDatabase database;
    private final String rolePassword = UUID.randomUUID().toString();
    private final String serviceRole;
    private final String retentionRole;

    private AuditDatabase(PostgresTestDatabase database) {
        this.database = database;
        this.serviceRole = database.createRole("audit_service", rolePassword);
        this.retentionRole = database.createRole("audit_retention", rolePassword);
    }

    public static AuditDatabase create() {
        return new AuditDatabase(PostgresTestDatabase.create());
    }

    public PostgresTestDatabase database() {
        return database;
    }

    public String serviceRole() {
        return serviceRole;
    }

    public String retentionRole() {
        return retentionRole;
    }

    public String rolePassword() {
        return rolePassword;
    }

    /** audit-service's datasource settings for this database and its roles. */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new HashMap<>(database.datasourceConfig(serviceRole, rolePassword));
        config.put("quarkus.flyway.username", database.user());
        // Quarkus uses Flyway's own login only with both a user and a password; a server that trusts local logins
        // (the machine's default) has no password to give, and ignores whichever it is given.
        config.put("quarkus.flyway.password", database.password().isEmpty() ? "trusted" : database.password());
        config.put("quarkus.datasource.retention.username", retentionRole);
        config.put("quarkus.datasource.retention.password", rolePassword);
        return config;
    }

    @Override
    public void close() {
        database.close();
    }
}
