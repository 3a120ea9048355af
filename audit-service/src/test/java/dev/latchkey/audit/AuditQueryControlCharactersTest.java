package dev.latchkey.audit;

import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;

/** A filter holding a control character is a 400 problem naming it, on the list and the export: PostgreSQL stores no NUL. */
@QuarkusTest
@QuarkusTestResource(AuditDatabaseResource.class)
@WithKafka
@WithOidcServer
class AuditQueryControlCharactersTest extends AuditTestBase {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"actor", "targetId", "targetType", "environment", "cursor"})
    void nulInAFilterIsA400NamingIt(String parameter) {
        for (String path : new String[] {"/api/v1/audit-events", "/api/v1/audit-events/export"}) {
            asAdmin().urlEncodingEnabled(false).get(path + "?" + parameter + "=a%00b").then().statusCode(400)
                    .contentType("application/problem+json").body("type", endsWith("/validation"))
                    .body("errors.field", hasItem(parameter));
        }
    }
}
