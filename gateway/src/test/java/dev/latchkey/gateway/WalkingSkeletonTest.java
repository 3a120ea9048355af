package dev.latchkey.gateway;

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

    /** The largest body passed on: 256 MiB, 4 MiB in tests (so that streaming past it is cheap to prove). */
    @Override
    protected int maxBodyBytes() {
        return 4 * 1024 * 1024;
    }
}
