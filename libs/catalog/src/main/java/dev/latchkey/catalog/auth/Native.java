package dev.latchkey.catalog.auth;

/**
 * A system reached through its own protocol and client library (a database, a broker, a file store). The
 * connection parameters hold everything, credentials included; {@code driver} names the probe that tests them.
 */
public record Native(String label, String helpUrl, ConnectionParameters connectionParameters, String driver)
        implements AuthOption {

    @Override
    public AuthType type() {
        return AuthType.NATIVE;
    }
}
