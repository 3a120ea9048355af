package dev.latchkey.audit;

import dev.latchkey.testing.WalkingSkeletonContract;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(AuditDatabaseResource.class)
@WithKafka
@WithOidcServer
class WalkingSkeletonTest extends WalkingSkeletonContract {
}
