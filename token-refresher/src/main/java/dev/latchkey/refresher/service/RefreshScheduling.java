package dev.latchkey.refresher.service;

import dev.latchkey.platform.expiry.ExpiryThresholds;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.Refresh;
import dev.latchkey.events.ConnectionEvents.ConnectionAuthorized;
import dev.latchkey.knownauthconfigs.KnownAuthConfig;
import dev.latchkey.knownauthconfigs.KnownAuthConfigRepository;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import dev.latchkey.refresher.repository.ExpiryWarnings;
import dev.latchkey.refresher.repository.RefreshSchedule;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The schedule from what happens to connections: an authorized connection that can be refreshed is scheduled at its
 * expiry less the margin (reauthorizing starts it afresh); one that cannot, or is deleted, leaves the schedule.
 * A credential that will end with nothing to refresh it is watched for {@code token.expiring} warnings.
 * Its schedule row's {@code issued_at} is when the token was obtained; the margin uses it only for tokens that live
 * shorter than twice the margin. Runs in the caller's transaction.
 */
@ApplicationScoped
public class RefreshScheduling {

    private final RefreshSchedule schedule;
    private final RefreshMargins margins;
    private final ExpiryWarnings warnings;
    private final KnownAuthConfigRepository authConfigs;
    private final Catalog catalog;
    private final ExpiryThresholds thresholds;

    public RefreshScheduling(RefreshSchedule schedule, RefreshMargins margins, ExpiryWarnings warnings,
            KnownAuthConfigRepository authConfigs, Catalog catalog, ExpiryThresholds thresholds) {
        this.schedule = schedule;
        this.margins = margins;
        this.warnings = warnings;
        this.authConfigs = authConfigs;
        this.catalog = catalog;
        this.thresholds = thresholds;
    }

    /** A connection of {@code tenant} was authorized with a token obtained at {@code issued}. */
    public Uni<Void> authorized(String tenant, Instant issued, ConnectionAuthorized authorized) {
        return authConfigs.findInTenant(tenant, authorized.authConfigId()).map(this::refreshOption).chain(refresh -> {
            Uni<Void> scheduled;
            if (authorized.refreshable()) {
                var row = new ScheduledRefresh(authorized.connectionId(), tenant, authorized.authConfigId(),
                        authorized.expiresAt(), 0, issued, null);
                scheduled = schedule.schedule(row, margins.refreshAt(issued, authorized.expiresAt(), refresh.flatMap(Refresh::margin)));
            } else {
                scheduled = schedule.remove(authorized.connectionId());
            }
            Instant end = endOfCredential(authorized, issued, refresh);
            return scheduled.chain(() -> warnings.forget(authorized.connectionId()))
                    .chain(() -> end == null ? Uni.createFrom().voidItem() : warnings.watch(authorized.connectionId(),
                            tenant, end, thresholds.first(end, issued)));
        });
    }

    public Uni<Void> deleted(UUID connectionId) {
        return schedule.remove(connectionId).chain(() -> warnings.forget(connectionId));
    }

    /** What the catalog documents about refreshing the auth config's provider; empty for a custom auth config. */
    private Optional<Refresh> refreshOption(KnownAuthConfig authConfig) {
        if (authConfig == null || authConfig.provider == null) {
            return Optional.empty();
        }
        return catalog.find(authConfig.provider).flatMap(entry -> entry.option(AuthType.OAUTH2))
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
