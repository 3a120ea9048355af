package dev.latchkey.secrets.local;

import dev.latchkey.secrets.SecretPath;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.latchkey.secrets.local.LocalSecretStoreTest.newPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithPostgres
@QuarkusTestResource(MasterKeyFileResource.class)
class MasterKeyRotationTest {

    @Inject
    LocalSecretStore store;

    @Inject
    MasterKeyring keyring;

    @Inject
    Pool pool;

    @Test
    void afterRotationAndOnlineRewrapEverySecretIsReadableAndWrappedByTheNewKey() throws Exception {
        Map<SecretPath, String> written = new LinkedHashMap<>();
        for (int i = 0; i < 250; i++) {   // more than one re-wrap batch
            SecretPath path = newPath();
            store.write(path, Map.of("token", "token-" + i), 0).await().indefinitely();
            written.put(path, "token-" + i);
        }
        long oldKey = keyring.current().primaryId();

        new MasterKeyFile(MasterKeyFileResource.FILE).rotate();
        keyring.reload();
        long newKey = keyring.current().primaryId();
        SecretPath writtenAfter = newPath();
        store.write(writtenAfter, Map.of("token", "after"), 0).await().indefinitely();

        assertNotEquals(oldKey, newKey);
        assertEquals(newKey, SecretsTable.keyId(writtenAfter.toString(), 1), "new secrets use the new primary key");
        written.forEach((path, token) -> assertEquals(token, store.read(path).await().indefinitely().fields().get("token"),
                "before the re-wrap the old key still opens every secret"));

        long rewrapped = store.rewrap().await().indefinitely();

        assertTrue(rewrapped >= written.size(), "re-wrapped " + rewrapped);
        for (var entry : written.entrySet()) {
            assertEquals(newKey, SecretsTable.keyId(entry.getKey().toString(), 1));
            assertEquals(entry.getValue(), store.read(entry.getKey()).await().indefinitely().fields().get("token"));
        }
    }

    @Test
    void aReplicaThatHasNotSeenTheRotationReloadsTheKeyFileOnAnUnknownKeyId() {
        var file = new MasterKeyFile(MasterKeyFileResource.FILE);
        var lagging = new LocalSecretStore(pool, new MasterKeyring(file::read), "secrets.secrets");
        file.rotate();
        keyring.reload();
        SecretPath path = newPath();
        store.write(path, Map.of("token", "from the rotated replica"), 0).await().indefinitely();

        assertEquals("from the rotated replica", lagging.read(path).await().indefinitely().fields().get("token"));
    }
}
