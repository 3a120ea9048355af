package dev.latchkey.gateway;

import dev.latchkey.testing.PublishedContract;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway's OpenAPI document against what the service answers, and the bad-input corpus. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class PublishedContractTest extends PublishedContract {
}
