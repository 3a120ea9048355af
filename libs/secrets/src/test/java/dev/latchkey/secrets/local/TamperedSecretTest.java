package dev.latchkey.secrets.local;

import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.secrets.TamperedSecretException;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.latchkey.secrets.local.LocalSecretStoreTest.newPath;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Someone with write access to the database alters or moves ciphertext: reads fail, never return garbage. */
@QuarkusTest
@WithPostgres
@QuarkusTestResource(MasterKeyFileResource.class)
class TamperedSecretTest {

    @Inject
    SecretStore store;

    @Test
    void aFlippedCiphertextBitFailsWithAClearError() throws Exception {
        SecretPath path = newPath();
        store.write(path, Map.of("password", "correct horse"), 0).await().indefinitely();
        byte[] ciphertext = SecretsTable.column(path.toString(), 1, "ciphertext");
        ciphertext[ciphertext.length - 1] ^= 1;
        SecretsTable.overwrite(path.toString(), 1, SecretsTable.column(path.toString(), 1, "data_key"), ciphertext);

        var failure = assertThrows(TamperedSecretException.class, () -> store.read(path).await().indefinitely());

        assertFalse(failure.getMessage().contains("correct horse"));
    }

    @Test
    void aFlippedWrappedKeyBitFails() throws Exception {
        SecretPath path = newPath();
        store.write(path, Map.of("password", "correct horse"), 0).await().indefinitely();
        byte[] dataKey = SecretsTable.column(path.toString(), 1, "data_key");
        dataKey[dataKey.length / 2] ^= 1;
        SecretsTable.overwrite(path.toString(), 1, dataKey, SecretsTable.column(path.toString(), 1, "ciphertext"));

        assertThrows(TamperedSecretException.class, () -> store.read(path).await().indefinitely());
    }

    @Test
    void anotherTenantsCiphertextSwappedInFails() throws Exception {
        SecretPath victim = newPath();
        SecretPath attacker = SecretPath.connection("other-tenant", java.util.UUID.randomUUID());
        store.write(victim, Map.of("token", "victim-token"), 0).await().indefinitely();
        store.write(attacker, Map.of("token", "attacker-token"), 0).await().indefinitely();

        SecretsTable.overwrite(attacker.toString(), 1, SecretsTable.column(victim.toString(), 1, "data_key"),
                SecretsTable.column(victim.toString(), 1, "ciphertext"));

        assertThrows(TamperedSecretException.class, () -> store.read(attacker).await().indefinitely());
    }

    @Test
    void anOlderVersionPutBackAsTheNewestFails() throws Exception {
        SecretPath path = newPath();
        store.write(path, Map.of("password", "revoked"), 0).await().indefinitely();
        store.write(path, Map.of("password", "current"), 1).await().indefinitely();

        SecretsTable.overwrite(path.toString(), 2, SecretsTable.column(path.toString(), 1, "data_key"),
                SecretsTable.column(path.toString(), 1, "ciphertext"));

        assertThrows(TamperedSecretException.class, () -> store.read(path).await().indefinitely());
    }
}
