package dev.latchkey.audit;

import dev.latchkey.testing.AuditDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The tests' audit-service runs on a fresh {@link AuditDatabase}, with the production roles. */
public class AuditDatabaseResource implements QuarkusTestResourceLifecycleManager {

    /** For tests that look into the database, or log in as one of its roles. */
    public static AuditDatabase audit;

    @Override
    public Map<String, String> start() {
        audit = AuditDatabase.create();
        return audit.serviceConfig();
    }

    @Override
    public void stop() {
        if (audit != null) {
            audit.close();
        }
    }
}
