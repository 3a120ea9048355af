package dev.latchkey.secrets.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class MasterKeyFileTest {

    /** What {@code deploy/secrets/new-master-key} prints: the keyset {@code ./latchkey up} writes once. */
    static String generatedByTheLauncher() throws IOException {
        Process process = new ProcessBuilder("bash", Path.of("..", "..", "deploy", "secrets", "new-master-key").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String keyset = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, process.waitFor(), "new-master-key failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return keyset;
    }

    @Test
    void keysetMadeByTheLauncherIsAWorkingMasterKey() throws Exception {
        String keyset = generatedByTheLauncher();
        var keys = new MasterKeyring(() -> keyset).current();

        byte[] ciphertext = keys.aead().encrypt("s3cret".getBytes(StandardCharsets.UTF_8), new byte[0]);

        assertEquals("s3cret", new String(keys.aead().decrypt(ciphertext, new byte[0]), StandardCharsets.UTF_8));
        assertEquals(Set.of(keys.primaryId()), keys.ids());
    }

    @Test
    void twoRunsOfTheLauncherMakeDifferentKeys() throws IOException {
        assertNotEquals(generatedByTheLauncher(), generatedByTheLauncher());
    }

    @Test
    void rotationAddsANewPrimaryAndKeepsTheOldKeysInAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        MasterKeyFile file = new MasterKeyFile(dir.resolve("master-key.json"));
        file.replace(MasterKeyring.newKeyset());
        var before = new MasterKeyring(file::read).current();

        file.rotate();

        var after = new MasterKeyring(file::read).current();
        assertNotEquals(before.primaryId(), after.primaryId());
        Set<Long> expected = new HashSet<>(before.ids());
        expected.add(after.primaryId());
        assertEquals(expected, after.ids());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master-key.json"))));
        byte[] sealedBefore = before.aead().encrypt(new byte[] {1, 2, 3}, new byte[0]);
        assertArrayEquals(new byte[] {1, 2, 3}, after.aead().decrypt(sealedBefore, new byte[0]), "the old key still opens what it sealed");
    }
}
