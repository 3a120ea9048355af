package dev.latchkey.connectedapps.repository;

import dev.latchkey.connectedapps.domain.AuthorizationRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/** Authorization requests by their state: kept until they expire, taken once. */
@ApplicationScoped
public class AuthorizationRepository {

    private static final String REMEMBER = """
            INSERT INTO authorizations (state, tenant, connection_id, actor, code_verifier, redirect_uri, return_url, issuer,
                                        token_url, expires_at, browser_hash)
            VALUES (?1, ?2, ?3, ?4, cast(?5 as text), ?6, cast(?7 as text), cast(?8 as text), ?9, ?10, cast(?11 as text))""";
    /** Takes a state once: a second callback with it, or one after it expired, finds nothing. */
    private static final String TAKE = """
            UPDATE authorizations SET used_at = now() WHERE state = ?1 AND used_at IS NULL AND expires_at > now()
            RETURNING tenant, connection_id, actor, code_verifier, redirect_uri, return_url, issuer, token_url, browser_hash""";

    public Uni<Void> persist(String state, AuthorizationRequest request, Instant expiresAt) {
        return execute(REMEMBER, state, request.tenant(), request.connectionId(), request.actor(), request.verifier(),
                request.redirectUri(), request.returnUrl(), request.issuer(), request.tokenUrl(), OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC),
                request.browserHash());
    }

    /** The request if its state is still open, which it no longer is afterwards; null otherwise. */
    public Uni<AuthorizationRequest> take(String state) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE).setParameter(1, state).getResultList())
                .map(rows -> rows.isEmpty() ? null : of((Object[]) rows.get(0)));
    }

    private static AuthorizationRequest of(Object[] row) {
        return new AuthorizationRequest((String) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], (String) row[7], (String) row[8]);
    }
}
