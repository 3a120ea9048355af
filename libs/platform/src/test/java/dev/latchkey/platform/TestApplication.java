package dev.latchkey.platform;

import dev.latchkey.testing.Eventually;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.DriverManager;

/** What the tests of libs/platform's test application read straight from its database and broker. */
public final class TestApplication {

    private TestApplication() {
    }

    public static String kafkaBootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Runs a {@code SELECT count(*) ...} over JDBC, outside the application. */
    public static long count(String sql) throws Exception {
        var config = ConfigProvider.getConfig();
        try (var connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits for {@code sql} to count at least one row; returns the count then. */
    public static long awaitCount(String sql) throws Exception {
        Eventually.until("a row counted by " + sql, () -> count(sql) > 0);
        return count(sql);
    }
}
