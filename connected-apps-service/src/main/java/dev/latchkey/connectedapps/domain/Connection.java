package dev.latchkey.connectedapps.domain;

import dev.latchkey.probes.ProbeResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One account of an application, made from an auth config, in one environment. Its secret fields' values live in
 * the secret store at {@code tenants/{tenant}/connections/{id}}, version {@link #secretVersion}.
 */
@Entity
@DynamicUpdate
@Table(name = "connections")
public class Connection {

    @Id
    public UUID id;

    public String tenant;

    @Column(name = "auth_config_id")
    public UUID authConfigId;

    public String name;

    public String environment;

    @Column(name = "end_user_id")
    public String endUserId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> metadata;

    @Enumerated(EnumType.STRING)
    public ConnectionStatus status;

    public String provider;

    @Column(name = "auth_type")
    public String authType;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> config;

    @Column(name = "secret_fields")
    public String[] secretFields;

    @Column(name = "secret_version")
    public long secretVersion;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** When the access token expires (OAuth2); null for credentials that do not. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** When the current access token was obtained (OAuth2). */
    @Column(name = "token_issued_at")
    public Instant tokenIssuedAt;

    /** The scopes the provider granted (OAuth2). */
    @Column(name = "granted_scopes")
    public String[] grantedScopes;

    /** Why the status is what it is (a refresh failure's reason); null when there is nothing to say. */
    @Column(name = "status_reason")
    public String statusReason;

    /** Transient refresh failures in a row; reset by a successful refresh. */
    @Column(name = "refresh_failures")
    public int refreshFailures;

    /** When the connection's own secret stops working, as its owner says; null: no known end. */
    @Column(name = "secret_expires_at")
    public Instant secretExpiresAt;

    /** When the next warning about that end is due; null: none is ahead. */
    @Column(name = "expiry_warning_at")
    public Instant expiryWarningAt;

    /** Something a person should act on soon (a token or secret that expires); null when none. */
    public String warning;

    /** Scopes the auth config asks for that this connection's grant lacks: reauthorize to get them. */
    @Column(name = "missing_scopes")
    public String[] missingScopes;

    /** The last test's outcome. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_test")
    public ProbeResult lastTest;

    @Version
    public long version;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
