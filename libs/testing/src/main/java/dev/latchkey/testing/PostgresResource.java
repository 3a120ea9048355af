package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points a Quarkus application's datasource (JDBC for Flyway, reactive for the app) at a fresh database. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresTestDatabase database;

    @Override
    public Map<String, String> start() {
        database = PostgresTestDatabase.create();
        return database.datasourceConfig(database.user(), database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
