package dev.latchkey.knownauthconfigs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An auth config as a service other than auth-config-service knows it: the read model that
 * {@link KnownAuthConfigProjector} keeps from auth-config-service's events in the service's own
 * {@code auth_configs} table. Its secret fields are only named; {@code deleted} once retired or deleted.
 */
@Entity
@Table(name = "auth_configs")
public class KnownAuthConfig {

    @Id
    public UUID id;

    public String tenant;

    public String name;

    public String category;

    public String provider;

    @Column(name = "auth_type")
    public String authType;

    /** The one environment its connections may be made in; null: any of them. */
    public String environment;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> config;

    @Column(name = "sealed_fields")
    public String[] sealedFields;

    /** The auth config's own version, as its last event gave it. */
    public long version;

    public boolean deleted;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether a connection in {@code environment} may be made from it: the auth config names none, or that one. */
    public boolean serves(String environment) {
        return this.environment == null || this.environment.equals(environment);
    }
}
