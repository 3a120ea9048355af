package dev.latchkey.audit;

import dev.latchkey.testing.ApiCall;
import dev.latchkey.testing.PublishedContract;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** audit-service's OpenAPI document against what the service answers, and the bad-input corpus. */
@QuarkusTest
@QuarkusTestResource(AuditDatabaseResource.class)
@WithKafka
@WithOidcServer
class PublishedContractTest extends PublishedContract {

    private static final String RETENTION = "/api/v1/audit-events/retention";

    @Test
    void settingTheRetentionAndExportingAnswerAsDeclared() {
        assertDeclared("PUT", RETENTION, ApiCall.json("PUT", RETENTION, mayDoEverything(), "{\"days\": 90}").send());
        assertDeclared("GET", "/api/v1/audit-events/export",
                ApiCall.json("GET", "/api/v1/audit-events/export", mayDoEverything(), null).withQuery("format=csv").send());
    }
}
