package dev.latchkey.connectedapps.service;

import dev.latchkey.connectedapps.config.ConnectionsConfig;
import dev.latchkey.connectedapps.domain.Toolkit;
import dev.latchkey.connectedapps.domain.ToolkitToken;
import dev.latchkey.connectedapps.events.ToolkitEventWriter;
import dev.latchkey.connectedapps.repository.ToolkitRepository;
import dev.latchkey.events.ToolkitGrant;
import dev.latchkey.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A toolkit's capability tokens, which an agent holds to call the toolkit's actions and nothing else (no credential read,
 * no management). A token is bound to its tenant and toolkit, expires, can be revoked, and is stored as the SHA-256 of
 * its value: the value is shown once, to the caller who asked for it. Issuing and revoking are events.
 */
@ApplicationScoped
public class ToolkitTokens {

    private final ToolkitRepository toolkits;
    private final ToolkitEventWriter events;
    private final ConnectionsConfig config;

    public ToolkitTokens(ToolkitRepository toolkits, ToolkitEventWriter events, ConnectionsConfig config) {
        this.toolkits = toolkits;
        this.events = events;
        this.config = config;
    }

    /** A token just issued: its value is here and nowhere else. */
    public record Issued(ToolkitToken token, String value) {
    }

    /**
     * @param lifetime how long it lasts; null for {@code latchkey.connections.toolkit-token-lifetime}, and never longer than
     *                 {@code toolkit-token-max-lifetime}
     */
    public Uni<Issued> issue(Caller caller, UUID toolkitId, String name, Duration lifetime) {
        Duration lasting = lifetime == null ? config.toolkitTokenLifetime() : lifetime;
        if (lasting.compareTo(config.toolkitTokenMaxLifetime()) > 0 || lasting.isNegative() || lasting.isZero()) {
            throw ConnectionService.invalid("expiresInDays", "must be between 1 and " + config.toolkitTokenMaxLifetime().toDays());
        }
        String value = ToolkitGrant.TOKEN_PREFIX + OpaqueTokens.random(32);
        ToolkitToken token = new ToolkitToken(UUID.randomUUID(), toolkitId, name, Instant.now().plus(lasting).truncatedTo(ChronoUnit.SECONDS),
                null, caller.actor(), Instant.now().truncatedTo(ChronoUnit.SECONDS), null);
        return Panache.withTransaction(() -> toolkits.findForUpdate(caller.tenant(), toolkitId).onItem().ifNull().failWith(NotFoundException::new)
                .chain(toolkit -> toolkits.insertToken(caller.tenant(), token, OpaqueTokens.sha256(value)))
                .chain(() -> events.tokenIssued(caller, token))
                .replaceWith(new Issued(token, value)));
    }

    /** The toolkit's tokens, newest first, never their values. */
    public Uni<List<ToolkitToken>> of(Caller caller, UUID toolkitId) {
        return Panache.withSession(() -> toolkits.find(caller.tenant(), toolkitId).onItem().ifNull().failWith(NotFoundException::new)
                .chain(toolkit -> toolkits.tokens(caller.tenant(), toolkitId)));
    }

    /**
     * What the token's holder may call, for the gateway: inactive when the value is no toolkit token, or its token is
     * revoked or expired. Looked up by the value's hash, as the value is stored nowhere. A use is recorded (its
     * {@code lastUsedAt}) when the last one is older than {@link ToolkitToken#LAST_USE_PRECISION}: one write a minute
     * per token in use, not one a request.
     */
    public Uni<ToolkitGrant> grant(String value) {
        if (value == null || !value.startsWith(ToolkitGrant.TOKEN_PREFIX)) {
            return Uni.createFrom().item(ToolkitGrant.inactive());
        }
        Instant now = Instant.now();
        return Panache.withSession(() -> toolkits.byHash(OpaqueTokens.sha256(value)).chain(held -> {
            if (held == null || !held.token().usable(now)) {
                return Uni.createFrom().item(ToolkitGrant.inactive());
            }
            Toolkit toolkit = held.toolkit();
            ToolkitGrant grant = new ToolkitGrant(true, toolkit.tenant(), held.token().id(), held.token().expiresAt(), toolkit.id(),
                    toolkit.name(), toolkit.readOnly(), toolkit.members());
            return held.token().lastUseStale(now)
                    ? Panache.withTransaction(() -> toolkits.used(held.token().id())).replaceWith(grant)
                    : Uni.createFrom().item(grant);
        }));
    }

    /** Revokes the token; revoking one revoked already changes nothing and writes no event. */
    public Uni<ToolkitToken> revoke(Caller caller, UUID toolkitId, UUID tokenId) {
        return Panache.withTransaction(() -> toolkits.token(caller.tenant(), toolkitId, tokenId).onItem().ifNull().failWith(NotFoundException::new)
                .chain(token -> toolkits.revoke(caller.tenant(), toolkitId, tokenId))
                .chain(revoked -> revoked ? events.tokenRevoked(caller, toolkitId, tokenId) : Uni.createFrom().voidItem())
                .chain(() -> toolkits.token(caller.tenant(), toolkitId, tokenId)));
    }
}
