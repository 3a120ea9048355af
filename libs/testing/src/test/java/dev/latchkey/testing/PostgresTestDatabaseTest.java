package dev.latchkey.testing;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresTestDatabaseTest {

    @Test
    void freshDatabaseIsUsableAndIsDroppedOnClose() throws Exception {
        String name;
        String url;
        String user;
        String password;
        try (var database = PostgresTestDatabase.create()) {
            name = database.name();
            user = database.user();
            password = database.password();
            url = database.jdbcUrl().replace(name, "postgres");
            try (var connection = database.connect(); var sql = connection.createStatement()) {
                sql.execute("CREATE TABLE probe (id int PRIMARY KEY)");
                sql.execute("INSERT INTO probe VALUES (1)");
                var rows = sql.executeQuery("SELECT count(*) FROM probe");
                rows.next();
                assertEquals(1, rows.getInt(1));
                var tables = sql.executeQuery("SELECT current_database()");
                tables.next();
                assertEquals(name, tables.getString(1));
            }
            assertTrue(exists(url, user, password, name));
        }
        assertFalse(exists(url, user, password, name), "the database is dropped when the test JVM is done");
    }

    @Test
    void everyTestJvmGetsItsOwnDatabase() {
        try (var first = PostgresTestDatabase.create(); var second = PostgresTestDatabase.create()) {
            assertFalse(first.name().equals(second.name()));
        }
    }

    private static boolean exists(String url, String user, String password, String name) throws Exception {
        try (var connection = DriverManager.getConnection(url, user, password);
             var query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            return query.executeQuery().next();
        }
    }
}
