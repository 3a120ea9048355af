package dev.latchkey.catalog.auth;

/**
 * A token the user pastes, sent as {@code Authorization: Bearer <token>}, or under another header and prefix where the
 * API wants it (a custom auth config's {@code headerName} and {@code prefix}).
 */
public record Bearer(String label, String helpUrl, ConnectionParameters connectionParameters, String headerName, String prefix)
        implements AuthOption {

    public Bearer {
        connectionParameters = AuthOption.orNone(connectionParameters);
        headerName = headerName == null ? "Authorization" : headerName;
        prefix = prefix == null ? "Bearer " : prefix;
    }

    /** As the catalog's entries send a token: {@code Authorization: Bearer <token>}. */
    public Bearer(String label, String helpUrl, ConnectionParameters connectionParameters) {
        this(label, helpUrl, connectionParameters, null, null);
    }

    @Override
    public AuthType type() {
        return AuthType.BEARER;
    }
}
