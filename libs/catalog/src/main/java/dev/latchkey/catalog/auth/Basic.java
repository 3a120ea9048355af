package dev.latchkey.catalog.auth;

/**
 * HTTP Basic (RFC 7617).
 *
 * @param usernameTitle what the provider calls the user name ("Email"); may be null
 * @param passwordTitle what the provider calls the password ("API token"); may be null
 */
public record Basic(String label, String helpUrl, ConnectionParameters connectionParameters, String usernameTitle,
                    String passwordTitle) implements AuthOption {

    public Basic {
        connectionParameters = AuthOption.orNone(connectionParameters);
    }

    @Override
    public AuthType type() {
        return AuthType.BASIC;
    }
}
