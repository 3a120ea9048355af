package dev.latchkey.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long the audit log keeps entries, and how often retention runs. */
@ConfigMapping(prefix = "latchkey.audit")
public interface AuditConfig {

    /** How long a tenant's entries are kept unless the tenant sets its own (PUT /api/v1/audit-events/retention). */
    @WithDefault("400d")
    Duration retention();

    /** How often the retention job deletes what is past every tenant's retention. */
    @WithDefault("1h")
    Duration retentionInterval();
}
