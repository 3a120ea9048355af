package dev.latchkey.connectedapps.service;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.connectedapps.domain.Connection;
import dev.latchkey.connectedapps.domain.ConnectionStatus;
import dev.latchkey.connectedapps.events.ConnectionEventWriter;
import dev.latchkey.platform.expiry.ExpiringSecrets;
import dev.latchkey.platform.expiry.ExpiryThresholds;
import dev.latchkey.platform.expiry.SecretExpiry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Key-based connections whose own secret ends on the date their owner gave ({@code secretExpiresAt}): a
 * {@code connection.secret_expiring} warning and a {@code warning} at each threshold before then, EXPIRED with a
 * {@code connection.status_changed} once it has passed (its credentials then answer 409 until replaced). An OAuth2
 * connection's end is its token's. Any number of replicas share the watch; each warning and expiry happens once.
 */
@ApplicationScoped
public class ConnectionExpiry {

    static final String ACTOR = "connected-apps-service";

    private final ExpiringSecrets expiring;
    private final ConnectionEventWriter events;

    public ConnectionExpiry(ExpiryThresholds thresholds, ConnectionEventWriter events) {
        this.expiring = new ExpiringSecrets("connections", thresholds);
        this.events = events;
    }

    /**
     * Sets a new end for the connection's own secret, as a create or an edit gives it: its warnings start afresh, and a
     * connection EXPIRED by the old end is ACTIVE again.
     */
    void renew(Connection connection, SecretExpiry expiry, Instant now) {
        if (AuthType.of(connection.authType).tokenBased()) {
            if (expiry.at() != null) {
                throw ConnectionService.invalid(SecretExpiry.FIELD, "is for a connection's own secret: an OAuth2 connection"
                        + " ends with its token");
            }
            return;
        }
        connection.secretExpiresAt = expiry.at();
        connection.expiryWarningAt = expiring.firstWarning(expiry.at(), now);
        connection.warning = null;
        if (connection.status == ConnectionStatus.EXPIRED) {
            connection.status = ConnectionStatus.ACTIVE;
            connection.statusReason = null;
        }
    }

    @Scheduled(every = "${latchkey.connections.expiry-check-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> watch() {
        return expireDue().chain(this::warnDue).replaceWithVoid();
    }

    /** Turns the connections whose own secret has ended EXPIRED, each once; returns how many. */
    public Uni<Integer> expireDue() {
        return expiring.expireDue(due -> events.expired(ACTOR, due));
    }

    /** Sends the warnings that are due, each once; returns how many. */
    public Uni<Integer> warnDue() {
        return expiring.warnDue(due -> events.secretExpiring(ACTOR, due));
    }
}
