package dev.latchkey.catalog.auth;

/** HTTP Digest (RFC 7616), with the provider's names for the user name and password. */
public record Digest(String label, String helpUrl, ConnectionParameters connectionParameters, String usernameTitle,
                     String passwordTitle) implements AuthOption {

    public Digest {
        connectionParameters = AuthOption.orNone(connectionParameters);
    }

    @Override
    public AuthType type() {
        return AuthType.DIGEST;
    }
}
