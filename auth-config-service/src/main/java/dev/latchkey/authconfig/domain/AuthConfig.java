package dev.latchkey.authconfig.domain;

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
 * Reusable authentication settings of one tenant. The secret fields' values live in the secret store at
 * {@code tenants/{tenant}/auth-configs/{id}}, version {@link #secretVersion}; this row only records which are set.
 * Updates write only the columns that changed, so an edit never overwrites the usage counters events keep.
 */
@Entity
@DynamicUpdate
@Table(name = "auth_configs")
public class AuthConfig {

    @Id
    public UUID id;

    public String tenant;

    public String name;

    @Enumerated(EnumType.STRING)
    public AuthConfigCategory category;

    /** The catalog key; null for custom auth configs. */
    public String provider;

    /** The catalog's auth type id: {@code oauth2}, {@code api_key}, {@code native}, ... */
    @Column(name = "auth_type")
    public String authType;

    public String environment;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> config;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "secret_fields")
    public Map<String, SecretField> secretFields;

    @Column(name = "secret_version")
    public long secretVersion;

    @Enumerated(EnumType.STRING)
    public AuthConfigStatus status;

    /** Why the status is what it is (a failed test, a passed expiry); null when there is nothing to say. */
    @Column(name = "status_reason")
    public String statusReason;

    /** When the secret stops working, as its owner says; null: no known end. */
    @Column(name = "secret_expires_at")
    public Instant secretExpiresAt;

    /** When the next warning about that end is due; null: none is ahead. */
    @Column(name = "expiry_warning_at")
    public Instant expiryWarningAt;

    /** Something a person should act on soon (the secret expires); null when none. */
    public String warning;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_test")
    public ProbeResult lastTest;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "connection_count")
    public int connectionCount;

    @Version
    public long version;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
