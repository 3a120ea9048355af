package dev.latchkey.refresher.events;

import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.Refresh;
import dev.latchkey.events.CloudEvent;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.events.ConnectionEvents.ConnectionDeleted;
import dev.latchkey.events.EventData;
import dev.latchkey.events.EventJson;
import dev.latchkey.platform.consumer.IdempotentConsumer;
import dev.latchkey.refresher.domain.ProjectedAuthConfig;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import dev.latchkey.refresher.repository.AuthConfigReader;
import dev.latchkey.refresher.repository.ExpiryWarnings;
import dev.latchkey.refresher.repository.RefreshSchedule;
import dev.latchkey.refresher.service.ExpiryThresholds;
import dev.latchkey.refresher.service.RefreshMargins;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.Optional;

/**
 * The schedule from connection events: an authorized connection that can be refreshed is scheduled at its
 * expiry less the margin (reauthorizing starts it afresh); one that cannot, or is deleted, leaves the schedule.
 * A credential that will end with nothing to refresh it is watched for {@code token.expiring} warnings.
 * Its schedule row's {@code issued_at} is the event's time, when the token was obtained; the margin uses it only
 * for tokens that live shorter than twice the margin.
 */
@ApplicationScoped
public class ConnectionScheduleConsumer {

    private final IdempotentConsumer consumer;
    private final RefreshSchedule schedule;
    private final RefreshMargins margins;
    private final ExpiryWarnings warnings;
    private final AuthConfigReader authConfigs;
    private final Catalog catalog;
    private final ExpiryThresholds thresholds;

    public ConnectionScheduleConsumer(IdempotentConsumer consumer, RefreshSchedule schedule, RefreshMargins margins,
            ExpiryWarnings warnings, AuthConfigReader authConfigs, Catalog catalog, ExpiryThresholds thresholds) {
        this.consumer = consumer;
        this.schedule = schedule;
        this.margins = margins;
        this.warnings = warnings;
        this.authConfigs = authConfigs;
        this.catalog = catalog;
        this.thresholds = thresholds;
    }

    @Incoming("connections")
    public Uni<Void> onConnectionEvent(String json) {
        return consumer.handleRecordOnce("refresh-schedule", json, this::apply);
    }

    private Uni<Void> apply(CloudEvent event) {
        EventData data = EventJson.data(event);
        if (data instanceof ConnectionAuthorized authorized) {
            Instant issued = event.time();
            return authConfigs.find(event.tenantid(), authorized.authConfigId()).map(this::refreshOption).chain(refresh -> {
                Uni<Void> scheduled;
                if (authorized.refreshable()) {
                    var row = new ScheduledRefresh(authorized.connectionId(), event.tenantid(), authorized.authConfigId(),
                            authorized.expiresAt(), 0, issued, null);
                    scheduled = schedule.schedule(row, margins.refreshAt(issued, authorized.expiresAt(), refresh.flatMap(Refresh::margin)));
                } else {
                    scheduled = schedule.remove(authorized.connectionId());
                }
                Instant end = endOfCredential(authorized, issued, refresh);
                return scheduled.chain(() -> warnings.forget(authorized.connectionId()))
                        .chain(() -> end == null ? Uni.createFrom().voidItem() : warnings.watch(authorized.connectionId(),
                                event.tenantid(), end, thresholds.first(end, issued)));
            });
        }
        if (data instanceof ConnectionDeleted deleted) {
            return schedule.remove(deleted.connectionId()).chain(() -> warnings.forget(deleted.connectionId()));
        }
        return Uni.createFrom().voidItem();
    }

    /** What the catalog documents about refreshing the auth config's provider; empty for a custom auth config. */
    private Optional<Refresh> refreshOption(ProjectedAuthConfig authConfig) {
        if (authConfig == null || authConfig.provider() == null) {
            return Optional.empty();
        }
        return catalog.find(authConfig.provider()).flatMap(entry -> entry.option(AuthType.OAUTH2))
                .filter(OAuth2.class::isInstance).map(option -> ((OAuth2) option).refresh());
    }

    /**
     * When the grant ends with nothing to refresh it: the access token's expiry when there is no refresh token;
     * otherwise the refresh token's documented lifetime (catalog), when it does not rotate. Null: nothing known.
     */
    private static Instant endOfCredential(ConnectionAuthorized authorized, Instant issued, Optional<Refresh> refresh) {
        if (!authorized.refreshable()) {
            return authorized.expiresAt();
        }
        return refresh.filter(documented -> !documented.rotatesRefreshToken())
                .flatMap(Refresh::refreshTokenLifetime).map(issued::plus).orElse(null);
    }
}
