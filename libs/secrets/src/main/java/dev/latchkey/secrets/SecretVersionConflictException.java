package dev.latchkey.secrets;

/** A compare-and-swap write lost: the secret's newest version is no longer the one the writer read. */
public class SecretVersionConflictException extends RuntimeException {

    public SecretVersionConflictException(SecretPath path, long expectedVersion) {
        super("the secret at " + path + " is no longer at version " + expectedVersion);
    }
}
