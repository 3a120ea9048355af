package dev.latchkey.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A tenant's own retention period for its audit log, in days, and who set it when. */
@Entity
@Table(name = "audit_retention")
public class TenantRetention {

    @Id
    public String tenant;

    public int days;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
