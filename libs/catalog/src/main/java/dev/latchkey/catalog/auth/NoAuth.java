package dev.latchkey.catalog.auth;

/** A public API: requests carry no credentials. */
public record NoAuth(String label, String helpUrl, ConnectionParameters connectionParameters) implements AuthOption {

    public NoAuth {
        connectionParameters = AuthOption.orNone(connectionParameters);
    }

    @Override
    public AuthType type() {
        return AuthType.NO_AUTH;
    }
}
