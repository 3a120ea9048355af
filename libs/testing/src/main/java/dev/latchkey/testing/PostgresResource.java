package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points a Quarkus application's datasource (JDBC for Flyway, reactive for the app) at a fresh database. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresTestDatabase database;

    @Override
    public Map<String, String> start() {
        database = PostgresTestDatabase.create();
        return Map.of(
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.reactive.url", database.reactiveUrl());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
