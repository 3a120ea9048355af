package dev.latchkey.audit;

import dev.latchkey.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database with audit-service's three roles, as in production: the test server's role (the database's
 * owner) migrates, a role of its own runs the service and another the retention job. The roles get names unique to
 * this JVM and are dropped with the database, so the append-only grants are tested for real.
 */
public class AuditDatabaseResource implements QuarkusTestResourceLifecycleManager {

    /** The service role's and the retention role's names, for tests that log in as them. */
    public static String serviceRole;
    public static String retentionRole;
    public static String rolePassword;
    public static PostgresTestDatabase database;

    @Override
    public Map<String, String> start() {
        database = PostgresTestDatabase.create();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        serviceRole = "audit_service_" + suffix;
        retentionRole = "audit_retention_" + suffix;
        rolePassword = UUID.randomUUID().toString();
        run("CREATE ROLE " + serviceRole + " LOGIN PASSWORD '" + rolePassword + "'",
                "CREATE ROLE " + retentionRole + " LOGIN PASSWORD '" + rolePassword + "'");
        return Map.ofEntries(
                Map.entry("quarkus.datasource.username", serviceRole),
                Map.entry("quarkus.datasource.password", rolePassword),
                Map.entry("quarkus.datasource.jdbc.url", database.jdbcUrl()),
                Map.entry("quarkus.datasource.reactive.url", database.reactiveUrl()),
                Map.entry("quarkus.flyway.username", database.user()),
                // Quarkus uses Flyway's own login only with both a user and a password; a server that trusts local
                // logins (the machine's default) has no password to give, and ignores whichever it is given.
                Map.entry("quarkus.flyway.password", database.password().isEmpty() ? "trusted" : database.password()),
                Map.entry("quarkus.datasource.retention.username", retentionRole),
                Map.entry("quarkus.datasource.retention.password", rolePassword));
    }

    @Override
    public void stop() {
        if (database != null) {
            run("DROP OWNED BY " + serviceRole + ", " + retentionRole, "DROP ROLE " + serviceRole, "DROP ROLE " + retentionRole);
            database.close();
        }
    }

    /** Runs statements as the test server's role (roles belong to the whole server). */
    private static void run(String... statements) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the audit roles (the test server's role needs CREATEROLE): "
                    + e.getMessage(), e);
        }
    }
}
