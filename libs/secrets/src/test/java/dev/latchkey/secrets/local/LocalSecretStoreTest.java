package dev.latchkey.secrets.local;

import dev.latchkey.secrets.Secret;
import dev.latchkey.secrets.SecretNotFoundException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.secrets.SecretVersion;
import dev.latchkey.secrets.SecretVersionConflictException;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithPostgres
@QuarkusTestResource(MasterKeyFileResource.class)
class LocalSecretStoreTest {

    private static final Map<String, String> FIELDS = Map.of("client_secret", "s3cret-value-4711", "api_key", "ak_live_0042");

    @Inject
    SecretStore store;

    @Inject
    MasterKeyring keyring;

    @Test
    void theConfiguredBackendIsTheLocalOne() {
        assertInstanceOf(LocalSecretStore.class, store);
    }

    @Test
    void writtenFieldsReadBackAtTheNewVersion() {
        SecretPath path = newPath();

        assertEquals(1L, store.write(path, FIELDS, 0).await().indefinitely());
        assertEquals(2L, store.write(path, Map.of("client_secret", "rotated"), 1).await().indefinitely());

        Secret secret = store.read(path).await().indefinitely();
        assertEquals(2L, secret.version());
        assertEquals(Map.of("client_secret", "rotated"), secret.fields());
    }

    @Test
    void pruningErasesTheOlderVersionsForGood() {
        SecretPath path = newPath();
        store.write(path, FIELDS, 0).await().indefinitely();
        store.write(path, Map.of("client_secret", "second"), 1).await().indefinitely();
        store.write(path, Map.of("client_secret", "third"), 2).await().indefinitely();

        store.prune(path, 3).await().indefinitely();

        assertEquals(List.of(3L), store.versions(path).await().indefinitely().stream().map(SecretVersion::version).toList());
        assertThrows(SecretNotFoundException.class, () -> store.read(path, 1).await().indefinitely());
        assertEquals(Map.of("client_secret", "third"), store.read(path).await().indefinitely().fields());
        assertEquals(4L, store.write(path, Map.of("client_secret", "fourth"), 3).await().indefinitely(), "versions go on counting");
    }

    @Test
    void anOlderVersionReadsBackWhenAskedForByNumber() {
        SecretPath path = newPath();
        store.write(path, FIELDS, 0).await().indefinitely();
        store.write(path, Map.of("client_secret", "rotated"), 1).await().indefinitely();

        assertEquals(FIELDS, store.read(path, 1).await().indefinitely().fields());
        assertThrows(SecretNotFoundException.class, () -> store.read(path, 3).await().indefinitely());
    }

    @Test
    void staleExpectedVersionIsAConflictAndChangesNothing() {
        SecretPath path = newPath();
        store.write(path, FIELDS, 0).await().indefinitely();
        store.write(path, Map.of("client_secret", "second"), 1).await().indefinitely();

        assertThrows(SecretVersionConflictException.class,
                () -> store.write(path, Map.of("client_secret", "lost update"), 1).await().indefinitely());
        assertThrows(SecretVersionConflictException.class,
                () -> store.write(path, Map.of("client_secret", "recreate"), 0).await().indefinitely());

        assertEquals(Map.of("client_secret", "second"), store.read(path).await().indefinitely().fields());
        assertEquals(2, store.versions(path).await().indefinitely().size());
    }

    @Test
    void concurrentWritersOfTheSameVersionHaveExactlyOneWinner() {
        SecretPath path = newPath();

        List<Boolean> outcomes = Uni.join().all(IntStream.range(0, 8)
                        .mapToObj(i -> store.write(path, Map.of("writer", "w" + i), 0)
                                .map(version -> true)
                                .onFailure(SecretVersionConflictException.class).recoverWithItem(false))
                        .toList())
                .andFailFast().await().indefinitely();

        assertEquals(1, outcomes.stream().filter(won -> won).count());
        assertEquals(1, store.versions(path).await().indefinitely().size());
    }

    @Test
    void deletedSecretIsNotFoundButItsVersionsAreKeptAndItCanBeWrittenAgain() {
        SecretPath path = newPath();
        store.write(path, FIELDS, 0).await().indefinitely();

        store.delete(path).await().indefinitely();

        assertThrows(SecretNotFoundException.class, () -> store.read(path).await().indefinitely());
        List<SecretVersion> versions = store.versions(path).await().indefinitely();
        assertEquals(1, versions.size());
        assertTrue(versions.get(0).deleted());
        store.write(path, Map.of("client_secret", "restored"), 1).await().indefinitely();
        assertEquals("restored", store.read(path).await().indefinitely().fields().get("client_secret"));
    }

    @Test
    void destroyedSecretLeavesNoRowBehind() throws Exception {
        SecretPath path = newPath();
        store.write(path, FIELDS, 0).await().indefinitely();
        store.write(path, FIELDS, 1).await().indefinitely();

        store.destroy(path).await().indefinitely();

        assertThrows(SecretNotFoundException.class, () -> store.read(path).await().indefinitely());
        assertEquals(List.of(), store.versions(path).await().indefinitely());
        assertEquals(0, SecretsTable.count("path = '" + path + "'"));
    }

    @Test
    void missingSecretIsNotFound() {
        assertThrows(SecretNotFoundException.class, () -> store.read(newPath()).await().indefinitely());
    }

    @Test
    void databaseHoldsCiphertextOnlyAndTheMasterKeyIdOnEveryRow() throws Exception {
        SecretPath path = newPath();
        store.write(path, FIELDS, 0).await().indefinitely();

        String ciphertext = new String(SecretsTable.column(path.toString(), 1, "ciphertext"), StandardCharsets.ISO_8859_1);
        String dataKey = new String(SecretsTable.column(path.toString(), 1, "data_key"), StandardCharsets.ISO_8859_1);
        for (String value : FIELDS.values()) {
            assertFalse(ciphertext.contains(value) || dataKey.contains(value), "plaintext in the database");
        }
        assertFalse(ciphertext.contains("client_secret"), "even the field names are encrypted");
        assertEquals(keyring.current().primaryId(), SecretsTable.keyId(path.toString(), 1));
        assertEquals(0, SecretsTable.count("key_id IS NULL"));
    }

    @Test
    void aSecretNamesItsFieldsButNeverTheirValues() {
        SecretPath path = newPath();
        store.write(path, FIELDS, 0).await().indefinitely();

        String shown = store.read(path).await().indefinitely().toString();

        assertTrue(shown.contains("api_key") && shown.contains("client_secret"));
        assertFalse(shown.contains("s3cret-value-4711") || shown.contains("ak_live_0042"));
    }

    static SecretPath newPath() {
        return SecretPath.authConfig("demo", UUID.randomUUID());
    }
}
