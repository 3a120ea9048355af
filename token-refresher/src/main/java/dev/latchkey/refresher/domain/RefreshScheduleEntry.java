package dev.latchkey.refresher.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the refresh schedule, read by id. Leases are taken and given back with single conditional statements
 * in {@code RefreshSchedule}, never by loading and saving a row, so two replicas cannot both win one.
 */
@Entity
@Table(name = "refresh_schedule")
public class RefreshScheduleEntry {

    @Id
    @Column(name = "connection_id")
    public UUID connectionId;

    public String tenant;

    @Column(name = "auth_config_id")
    public UUID authConfigId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "refresh_at")
    public Instant refreshAt;

    @Column(name = "issued_at")
    public Instant issuedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public ScheduledRefresh refresh() {
        return new ScheduledRefresh(connectionId, tenant, authConfigId, expiresAt, attempts, issuedAt, refreshAt);
    }
}
