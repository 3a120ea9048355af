package dev.latchkey.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database on a real server, dropped again by {@link #close()}.
 * The server comes from {@code LATCHKEY_TEST_PG} ({@code postgresql://user:password@host:port/db}, the
 * role needs CREATEDB), by default the machine's server on 127.0.0.1:5432 as {@code postgres}.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    public static final String SERVER_VARIABLE = "LATCHKEY_TEST_PG";
    static final String DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final String name;
    private final List<String> roles = new ArrayList<>();

    private PostgresTestDatabase(URI server, String name) {
        this.host = server.getHost();
        this.port = server.getPort() < 0 ? 5432 : server.getPort();
        String[] userInfo = server.getUserInfo() == null ? new String[] {"postgres"} : server.getUserInfo().split(":", 2);
        this.user = userInfo[0];
        this.password = userInfo.length > 1 ? userInfo[1] : "";
        String path = server.getPath();
        this.adminDatabase = path == null || path.length() <= 1 ? "postgres" : path.substring(1);
        this.name = name;
    }

    /** Creates a database with a unique name on the configured server. */
    public static PostgresTestDatabase create() {
        String configured = System.getenv(SERVER_VARIABLE);
        URI server = URI.create(configured == null || configured.isBlank() ? DEFAULT_SERVER : configured);
        String name = "latchkey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var database = new PostgresTestDatabase(server, name.toLowerCase(Locale.ROOT));
        database.execute("CREATE DATABASE " + database.name);
        return database;
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** The URL form the Vert.x reactive PostgreSQL client takes. */
    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + name;
    }

    /** A Quarkus service's datasource settings for this database (JDBC for Flyway, reactive for the service), as {@code login}. */
    public Map<String, String> datasourceConfig(String login, String loginPassword) {
        return Map.of(
                "quarkus.datasource.username", login,
                "quarkus.datasource.password", loginPassword,
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.reactive.url", reactiveUrl());
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /**
     * A login role of the server for this database's tests, named {@code prefix} and a suffix unique to it, dropped
     * by {@link #close()} with everything it was granted. Roles belong to the whole server: the test server's role
     * needs CREATEROLE ({@code ./latchkey test} grants it).
     */
    public String createRole(String prefix, String rolePassword) {
        String role = prefix + "_" + name.substring(name.length() - 12);
        execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + rolePassword.replace("'", "''") + "'");
        // DROP OWNED BY needs the role's privileges: a CREATEROLE login that is no superuser has them only as a member.
        execute("GRANT " + role + " TO " + user);
        roles.add(role);
        return role;
    }

    @Override
    public void close() {
        if (!roles.isEmpty()) {
            try (Connection connection = connect(); var sql = connection.createStatement()) {
                sql.execute("DROP OWNED BY " + String.join(", ", roles));
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop what the test roles were granted: " + e.getMessage(), e);
            }
        }
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        roles.forEach(role -> execute("DROP ROLE IF EXISTS " + role));
    }

    private void execute(String statement) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + adminDatabase;
        try (Connection admin = DriverManager.getConnection(url, user, password);
             var sql = admin.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " as '" + user
                    + "' refused '" + statement + "' (" + e.getMessage() + "); run ./latchkey test, which starts it, or set "
                    + SERVER_VARIABLE + "=postgresql://user:password@host:port/postgres", e);
        }
    }
}
