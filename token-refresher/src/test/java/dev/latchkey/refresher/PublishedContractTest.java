package dev.latchkey.refresher;

import dev.latchkey.testing.PublishedContract;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;

/** token-refresher's OpenAPI document against what the service answers, and the bad-input corpus. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class PublishedContractTest extends PublishedContract {
}
