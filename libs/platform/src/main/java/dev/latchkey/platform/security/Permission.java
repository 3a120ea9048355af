package dev.latchkey.platform.security;

/** What an endpoint needs; a caller's roles grant permissions (see {@link Caller#can}). */
public enum Permission {
    /** Any signed-in caller of the tenant, whatever its roles: {@code GET /api/v1/caller}. */
    SIGNED_IN,
    VIEW,
    CREATE,
    EDIT,
    TEST,
    CONNECT,
    DELETE,
    /** Tenant-wide settings, such as where connect sessions may send users back: admins only. */
    ADMINISTER,
    /** Read the tenant's audit log: admins and developers, not viewers. */
    READ_AUDIT,
    /** Read a connection's live credentials: the {@code credentials:read} role, for machine clients. */
    READ_CREDENTIALS,
    /**
     * Call a connection's API through the gateway, its credentials applied but never shown: the
     * {@code connections:call} role, for workflows and agents. It does not imply reading them, nor the reverse.
     */
    CALL_THROUGH,
    /**
     * Call the actions of one toolkit, as MCP tools: the {@code toolkit} role, which only a toolkit token's caller has
     * (the gateway's {@code ToolkitTokenMechanism}). Nothing else: no credential, no call through, no management.
     */
    CALL_TOOLKIT,
    /** Service-to-service calls, such as an on-demand refresh: the {@code service} role. */
    INTERNAL
}
