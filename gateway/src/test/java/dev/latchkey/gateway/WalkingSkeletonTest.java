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

    /** A proxied request's body is kept whole, up to 10 MiB. */
    @Override
    protected int maxBodyBytes() {
        return 10 * 1024 * 1024;
    }
}
