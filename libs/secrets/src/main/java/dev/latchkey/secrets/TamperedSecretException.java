package dev.latchkey.secrets;

/**
 * A stored secret failed authenticated decryption: its ciphertext or wrapped key was altered, moved to
 * another path or version, or sealed by a master key that is no longer loaded. Never garbage instead.
 */
public class TamperedSecretException extends RuntimeException {

    public TamperedSecretException(SecretPath path, long version) {
        super("the secret at " + path + " version " + version
                + " cannot be decrypted: it was altered or moved, or its master key is not loaded");
    }
}
