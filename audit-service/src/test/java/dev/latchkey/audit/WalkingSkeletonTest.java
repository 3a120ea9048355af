package dev.latchkey.audit;

import dev.latchkey.testing.WalkingSkeletonContract;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class WalkingSkeletonTest extends WalkingSkeletonContract {
}
