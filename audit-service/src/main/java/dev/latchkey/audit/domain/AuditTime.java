package dev.latchkey.audit.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the PostgreSQL clients bind {@code timestamptz}. */
public final class AuditTime {

    private AuditTime() {
    }

    public static OffsetDateTime of(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
