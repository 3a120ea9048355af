package dev.latchkey.secrets;

/** The secret has no version, or its newest version was deleted. */
public class SecretNotFoundException extends RuntimeException {

    public SecretNotFoundException(SecretPath path) {
        super("no secret at " + path);
    }
}
