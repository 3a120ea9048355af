package dev.latchkey.probes;

/** Why a connection test failed, in the words of the troubleshooting table users know. */
public enum FailureCategory {
    /** Nothing answers at that host and port ("connection refused", unknown host, no route). */
    UNREACHABLE,
    /** The server refused the credentials ("invalid credentials"). */
    AUTH_FAILED,
    /** The credentials are valid but may not use the database, virtual host, bucket or topic asked for. */
    PERMISSION_DENIED,
    /** The TLS handshake failed: the server speaks no TLS, or its certificate is not trusted or not for that host. */
    TLS,
    /** No answer within the probe's timeout. */
    TIMEOUT,
    /** The parameters cannot work: a missing field, an unknown database, a host the SSRF guard refuses. */
    CONFIG
}
