package dev.latchkey.catalog.auth;

/** A token the user pastes, sent as {@code Authorization: Bearer <token>}. */
public record Bearer(String label, String helpUrl, ConnectionParameters connectionParameters) implements AuthOption {

    public Bearer {
        connectionParameters = AuthOption.orNone(connectionParameters);
    }

    @Override
    public AuthType type() {
        return AuthType.BEARER;
    }
}
