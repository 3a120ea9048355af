package dev.latchkey.secrets.local;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The test application's {@code secrets} table over JDBC, outside the store: what an attacker with the database sees. */
final class SecretsTable {

    private SecretsTable() {
    }

    static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    static byte[] column(String path, long version, String column) throws SQLException {
        try (var connection = connect();
             var query = connection.prepareStatement("SELECT " + column + " FROM secrets.secrets WHERE path = ? AND version = ?")) {
            query.setString(1, path);
            query.setLong(2, version);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getBytes(1);
            }
        }
    }

    static long keyId(String path, long version) throws SQLException {
        try (var connection = connect();
             var query = connection.prepareStatement("SELECT key_id FROM secrets.secrets WHERE path = ? AND version = ?")) {
            query.setString(1, path);
            query.setLong(2, version);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Overwrites one version's wrapped data key and ciphertext, as a tampering database user could. */
    static void overwrite(String path, long version, byte[] dataKey, byte[] ciphertext) throws SQLException {
        try (var connection = connect();
             var update = connection.prepareStatement(
                     "UPDATE secrets.secrets SET data_key = ?, ciphertext = ? WHERE path = ? AND version = ?")) {
            update.setBytes(1, dataKey);
            update.setBytes(2, ciphertext);
            update.setString(3, path);
            update.setLong(4, version);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no row " + path + " v" + version);
            }
        }
    }

    static long count(String where) throws SQLException {
        try (var connection = connect(); var rows = connection.createStatement().executeQuery("SELECT count(*) FROM secrets.secrets WHERE " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
