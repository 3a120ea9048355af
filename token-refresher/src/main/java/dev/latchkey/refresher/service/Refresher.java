package dev.latchkey.refresher.service;

import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.knownauthconfigs.KnownAuthConfigRepository;
import dev.latchkey.knownauthconfigs.OAuthClients;
import dev.latchkey.oauth.OAuthClient;
import dev.latchkey.oauth.RefreshOutcome;
import dev.latchkey.oauth.TokenEndpoint;
import dev.latchkey.oauth.TokenRequest;
import dev.latchkey.oauth.TokenResponse;
import dev.latchkey.platform.problem.ConflictException;
import dev.latchkey.platform.problem.UpstreamException;
import dev.latchkey.refresher.config.RefresherConfig;
import dev.latchkey.refresher.domain.ScheduledRefresh;
import dev.latchkey.refresher.events.TokenEventWriter;
import dev.latchkey.refresher.repository.RefreshSchedule;
import dev.latchkey.secrets.Secret;
import dev.latchkey.secrets.SecretNotFoundException;
import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretStore;
import dev.latchkey.secrets.SecretVersionConflictException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refreshes one connection's token while holding its lease: the refresh-token grant (or a new client-credentials
 * grant), the new tokens written with a compare-and-swap on the secret's version, then the schedule and a
 * {@code token.refreshed} event. A refusal that ends the grant is permanent (the connection leaves the schedule);
 * anything else is retried later with backoff; a provider host failing again and again pauses ({@link ProviderCircuits}).
 * The token request runs outside any transaction.
 *
 * <p>The provider is the only party a refresh waits for that a tenant controls, so the token request carries the
 * refresh's deadline: {@code token-timeout} for the whole exchange, from the DNS lookup to the body's last byte, and
 * at most {@code latchkey.outbound.max-token-response} of body ({@code GuardedHttp}). A provider that drips its answer
 * or sends too much fails like one that cannot be reached: {@code unreachable}, retried later with backoff, a
 * {@code token.refresh_failed} event, the lease released. A refresh therefore lasts at most the token timeout plus its
 * own database writes, well inside the lease; no second timer around the whole refresh is needed, and none would be
 * safe: cancelling it halfway could drop a rotated refresh token the provider has already issued.
 */
@ApplicationScoped
public class Refresher {

    /** Refusals after which no retry can succeed: the user has to authorize again (RFC 6749 §5.2). */
    private static final Set<String> PERMANENT = Set.of("invalid_grant", "invalid_client", "unauthorized_client");

    private final RefreshSchedule schedule;
    private final KnownAuthConfigRepository authConfigs;
    private final OAuthClients clients;
    private final SecretStore secrets;
    private final TokenEndpoint tokenEndpoint;
    private final TokenEventWriter events;
    private final RefresherConfig config;
    private final RefreshMargins margins;
    private final ProviderCircuits circuits;
    private final RefreshMetrics metrics;

    public Refresher(RefreshSchedule schedule, KnownAuthConfigRepository authConfigs, OAuthClients clients, SecretStore secrets,
            TokenEndpoint tokenEndpoint, TokenEventWriter events, RefresherConfig config, RefreshMargins margins, ProviderCircuits circuits,
            RefreshMetrics metrics) {
        this.margins = margins;
        this.circuits = circuits;
        this.metrics = metrics;
        this.schedule = schedule;
        this.authConfigs = authConfigs;
        this.secrets = secrets;
        this.tokenEndpoint = tokenEndpoint;
        this.events = events;
        this.clients = clients;
        this.config = config;
    }

    /** The token request a refresh sends, and what it needs to judge the answer. */
    private record Attempt(ScheduledRefresh refresh, OAuthClient client, Secret tokens, TokenRequest request) {
    }

    /**
     * Refreshes {@code refresh}, whose lease {@code owner} holds; frees the lease in every outcome.
     *
     * @throws ConflictException  when the grant is gone for good (the connection needs authorizing again)
     * @throws UpstreamException when the provider failed for now; the schedule retries later
     */
    public Uni<RefreshOutcome> refresh(ScheduledRefresh refresh, String owner, String actor) {
        return prepare(refresh)
                .onFailure().recoverWithUni(failure -> unprepared(refresh, owner, actor, failure))
                .chain(attempt -> {
                    String host = attempt.request().url().getAuthority();
                    Instant pausedUntil = circuits.pausedUntil(host);
                    if (pausedUntil != null) {
                        return Panache.withTransaction(() -> schedule.postpone(refresh.connectionId(), owner, pausedUntil))
                                .chain(() -> Uni.createFrom().failure(new UpstreamException("Refreshes at " + host
                                        + " are paused after repeated failures; the next try is at " + pausedUntil + ".")));
                    }
                    return tokenEndpoint.token(attempt.request(), attempt.client(), config.tokenTimeout())
                            .onFailure(UpstreamException.class).recoverWithUni(failure -> {
                                circuits.failed(host);
                                return failedForNow(refresh, owner, actor, "unreachable", Optional.empty())
                                        .chain(() -> Uni.createFrom().failure(failure));
                            })
                            .chain(response -> {
                                if (response.status() >= 500) {
                                    circuits.failed(host);
                                } else {
                                    circuits.succeeded(host);
                                }
                                return response.ok() ? stored(attempt, owner, actor, response) : refused(attempt, owner, actor, response);
                            });
                })
                .onFailure().call(() -> Panache.withTransaction(() -> schedule.release(refresh.connectionId(), owner)));
    }

    private Uni<Attempt> prepare(ScheduledRefresh refresh) {
        return Panache.withSession(() -> authConfigs.findInTenant(refresh.tenant(), refresh.authConfigId()))
                .chain(authConfig -> {
                    if (authConfig == null) {
                        return Uni.createFrom().failure(new NothingToRefreshWith("auth_config_deleted",
                                "The connection's auth config was deleted."));
                    }
                    return clients.resolve(authConfig)
                            .chain(resolved -> secrets.read(SecretPath.connection(refresh.tenant(), refresh.connectionId()))
                                    .map(tokens -> new Attempt(refresh, resolved.client(), tokens, request(resolved.client(),
                                            resolved.clientSecret(), tokens))))
                            .onFailure(SecretNotFoundException.class).transform(missing -> new NothingToRefreshWith(
                                    "credentials_missing", "The connection's stored credentials are gone: authorize it again."));
                });
    }

    /**
     * A refresh that could not be prepared: with nothing to refresh with, the connection leaves the schedule for
     * good (it would otherwise come due again at every tick); anything else (the database) is retried later.
     */
    private Uni<Attempt> unprepared(ScheduledRefresh refresh, String owner, String actor, Throwable failure) {
        if (failure instanceof NothingToRefreshWith nothing) {
            metrics.failed(nothing.reason, true);
            return Panache.withTransaction(() -> schedule.remove(refresh.connectionId())
                            .call(() -> events.failed(actor, refresh, nothing.reason, true, refresh.attempts() + 1, null)))
                    .chain(() -> Uni.createFrom().failure(failure));
        }
        return failedForNow(refresh, owner, actor, "internal", Optional.empty()).chain(() -> Uni.createFrom().failure(failure));
    }

    /** The connection has nothing a refresh could use: no auth config, no stored tokens, no refresh token. */
    static final class NothingToRefreshWith extends ConflictException {
        private final String reason;

        NothingToRefreshWith(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }
    }

    private static TokenRequest request(OAuthClient client, String clientSecret, Secret tokens) {
        if (client.grant().withoutUser()) {
            return TokenRequest.withoutUser(client, clientSecret);
        }
        String refreshToken = tokens.fields().get("refreshToken");
        if (refreshToken == null) {
            throw new NothingToRefreshWith("no_refresh_token", "The connection has no refresh token: authorize it again.");
        }
        return TokenRequest.refresh(client, clientSecret, refreshToken);
    }

    /**
     * Writes the new tokens (compare-and-swap: a concurrent writer wins and this result is dropped), keeping the
     * refresh token when the provider sent none (RFC 6749 §6), then records the refresh and erases the tokens it replaced.
     */
    private Uni<RefreshOutcome> stored(Attempt attempt, String owner, String actor, TokenResponse response) {
        ScheduledRefresh refresh = attempt.refresh();
        Map<String, String> fields = new LinkedHashMap<>(attempt.tokens().fields());
        fields.putAll(response.secretFields());
        String before = attempt.tokens().fields().get("refreshToken");
        boolean rotated = before != null && !before.equals(fields.get("refreshToken"));
        Instant expiresAt = response.expiresAt();
        SecretPath path = SecretPath.connection(refresh.tenant(), refresh.connectionId());
        return secrets.write(path, fields, attempt.tokens().version())
                .call(version -> Panache.withTransaction(() -> schedule.refreshed(refresh.connectionId(), owner, expiresAt,
                                margins.refreshAt(Instant.now(), expiresAt, attempt.client().refreshMargin()))
                        .call(() -> events.refreshed(actor, refresh, expiresAt, rotated, response.grantedScopes()))))
                .call(version -> secrets.prune(path, version))
                .invoke(() -> metrics.refreshed(owner))
                .replaceWith(new RefreshOutcome(refresh.connectionId(), expiresAt, true))
                .onFailure(SecretVersionConflictException.class).recoverWithUni(() -> newerElsewhere(refresh, owner));
    }

    /**
     * The provider refused. {@code invalid_grant} ends the connection only if the refresh token sent is still the
     * stored one: when another writer rotated it meanwhile, its newer token stands.
     */
    private Uni<RefreshOutcome> refused(Attempt attempt, String owner, String actor, TokenResponse response) {
        ScheduledRefresh refresh = attempt.refresh();
        if (!PERMANENT.contains(response.error())) {
            return failedForNow(refresh, owner, actor, response.error(), response.retryAfter())
                    .chain(() -> Uni.createFrom().failure(new UpstreamException("The provider failed to refresh the token: "
                            + response.problem())));
        }
        return secrets.read(SecretPath.connection(refresh.tenant(), refresh.connectionId())).chain(current -> {
            if (current.version() != attempt.tokens().version()) {
                return newerElsewhere(refresh, owner);
            }
            metrics.failed(response.error(), true);
            return Panache.withTransaction(() -> schedule.remove(refresh.connectionId())
                            .call(() -> events.failed(actor, refresh, response.error(), true, refresh.attempts() + 1, null)))
                    .chain(() -> Uni.createFrom().failure(new ConflictException("The provider ended the connection's grant ("
                            + response.problem() + "): authorize it again.")));
        });
    }

    /** Another writer stored newer tokens while this refresh ran: theirs stand, and the lease is let go. */
    private Uni<RefreshOutcome> newerElsewhere(ScheduledRefresh refresh, String owner) {
        metrics.leaseConflict();
        return Panache.withTransaction(() -> schedule.release(refresh.connectionId(), owner).chain(() -> schedule.find(refresh.connectionId())))
                .map(current -> new RefreshOutcome(refresh.connectionId(), current == null ? null : current.expiresAt(), false));
    }

    private Uni<Void> failedForNow(ScheduledRefresh refresh, String owner, String actor, String reason, Optional<Duration> retryAfter) {
        metrics.failed(reason, false);
        int attempts = refresh.attempts() + 1;
        Duration wait = retryAfter.orElseGet(() -> backoff(attempts));
        Instant retryAt = Instant.now().plus(wait);
        return Panache.withTransaction(() -> schedule.failed(refresh.connectionId(), owner, attempts, retryAt, reason)
                .call(() -> events.failed(actor, refresh, reason, false, attempts, retryAt))).replaceWithVoid();
    }

    /** {@code backoff} × 2^(attempts − 1), at most {@code maxBackoff}, with up to 20 % jitter so retries spread out. */
    private Duration backoff(int attempts) {
        long base = config.backoff().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        return Duration.ofMillis(capped - (long) (capped * 0.2 * Math.random()));
    }
}
