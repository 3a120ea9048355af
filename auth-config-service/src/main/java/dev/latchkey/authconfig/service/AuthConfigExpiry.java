package dev.latchkey.authconfig.service;

import dev.latchkey.authconfig.domain.AuthConfig;
import dev.latchkey.authconfig.domain.AuthConfigStatus;
import dev.latchkey.authconfig.events.AuthConfigEventWriter;
import dev.latchkey.platform.expiry.ExpiringSecrets;
import dev.latchkey.platform.expiry.ExpiryThresholds;
import dev.latchkey.platform.expiry.SecretExpiry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Auth configs whose secret ends on the date their owner gave ({@code secretExpiresAt}): an
 * {@code auth_config.secret_expiring} warning and a {@code warning} at each threshold before then, EXPIRED with an
 * {@code auth_config.status_changed} once it has passed. Any number of replicas share the watch; each warning and
 * each expiry happens once.
 */
@ApplicationScoped
public class AuthConfigExpiry {

    static final String ACTOR = "auth-config-service";

    private final ExpiringSecrets expiring;
    private final AuthConfigEventWriter events;

    public AuthConfigExpiry(ExpiryThresholds thresholds, AuthConfigEventWriter events) {
        this.expiring = new ExpiringSecrets("auth_configs", thresholds);
        this.events = events;
    }

    /**
     * Sets a new end for the auth config's secret, as a create or an edit gives it: its warnings start afresh, and an
     * auth config EXPIRED by the old end is ACTIVE again.
     */
    void renew(AuthConfig entity, SecretExpiry expiry, Instant now) {
        entity.secretExpiresAt = expiry.at();
        entity.expiryWarningAt = expiring.firstWarning(expiry.at(), now);
        entity.warning = null;
        if (entity.status == AuthConfigStatus.EXPIRED) {
            entity.status = AuthConfigStatus.ACTIVE;
            entity.statusReason = null;
        }
    }

    /** Whether the auth config's secret has passed its end: no test makes it ACTIVE then, a new secret or end does. */
    static boolean ended(AuthConfig entity, Instant now) {
        return entity.secretExpiresAt != null && !entity.secretExpiresAt.isAfter(now);
    }

    @Scheduled(every = "${latchkey.auth-configs.expiry-check-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> watch() {
        return expireDue().chain(this::warnDue).replaceWithVoid();
    }

    /** Turns the auth configs whose secret has ended EXPIRED, each once; returns how many. */
    public Uni<Integer> expireDue() {
        return expiring.expireDue(due -> events.expired(ACTOR, due));
    }

    /** Sends the warnings that are due, each once; returns how many. */
    public Uni<Integer> warnDue() {
        return expiring.warnDue(due -> events.secretExpiring(ACTOR, due));
    }
}
