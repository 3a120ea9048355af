package dev.latchkey.connectedapps.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.connectedapps.domain.Toolkit;
import dev.latchkey.connectedapps.domain.ToolkitToken;
import dev.latchkey.events.ToolkitEvents.Member;
import dev.latchkey.platform.paging.Keyset;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Toolkits and their tokens, always within one tenant: another tenant's id finds nothing. */
@ApplicationScoped
public class ToolkitRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Member>> MEMBERS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, tenant, name, description, read_only, members::text, version, created_by, created_at, updated_at";

    private static final String INSERT = """
            INSERT INTO toolkits (id, tenant, name, description, read_only, members, version, created_by)
            VALUES (?1, ?2, ?3, ?4, ?5, CAST(CAST(?6 AS text) AS jsonb), 1, ?7)""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM toolkits WHERE tenant = ?1 AND id = ?2";
    private static final String LOCK = FIND + " FOR UPDATE";
    private static final String LIST = "SELECT " + COLUMNS + " FROM toolkits WHERE tenant = ?1"
            + " AND (CAST(?2 AS timestamptz) IS NULL OR (created_at, id) < (CAST(?2 AS timestamptz), ?3))"
            + " ORDER BY created_at DESC, id DESC LIMIT ?4";
    private static final String UPDATE = """
            UPDATE toolkits SET name = ?3, description = ?4, read_only = ?5, members = CAST(CAST(?6 AS text) AS jsonb), version = version + 1,
                updated_at = now()
            WHERE tenant = ?1 AND id = ?2 RETURNING version""";
    private static final String DELETE = "DELETE FROM toolkits WHERE tenant = ?1 AND id = ?2";
    private static final String WITH_MEMBER = "SELECT " + COLUMNS + " FROM toolkits WHERE tenant = ?1"
            + " AND members @> CAST(CAST(?2 AS text) AS jsonb) ORDER BY id FOR UPDATE";
    private static final String NAME_TAKEN = "SELECT count(*) FROM toolkits WHERE tenant = ?1 AND name = ?2 AND id <> ?3";

    private static final String TOKEN_COLUMNS = "id, toolkit_id, name, expires_at, revoked_at, created_by, created_at, last_used_at";
    private static final String INSERT_TOKEN = """
            INSERT INTO toolkit_tokens (id, toolkit_id, tenant, name, token_hash, expires_at, created_by)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""";
    private static final String TOKENS = "SELECT " + TOKEN_COLUMNS + " FROM toolkit_tokens WHERE tenant = ?1 AND toolkit_id = ?2"
            + " ORDER BY created_at DESC, id DESC";
    private static final String REVOKE = """
            UPDATE toolkit_tokens SET revoked_at = now()
            WHERE tenant = ?1 AND toolkit_id = ?2 AND id = ?3 AND revoked_at IS NULL RETURNING id""";
    private static final String TOKEN = "SELECT " + TOKEN_COLUMNS + " FROM toolkit_tokens WHERE tenant = ?1 AND toolkit_id = ?2 AND id = ?3";
    private static final String USED = "UPDATE toolkit_tokens SET last_used_at = now() WHERE id = ?1";
    private static final String HOLDING = "SELECT t.id, t.toolkit_id, t.name, t.expires_at, t.revoked_at, t.created_by, t.created_at, t.last_used_at,"
            + " k.id, k.tenant, k.name, k.description, k.read_only, k.members::text, k.version, k.created_by, k.created_at, k.updated_at"
            + " FROM toolkit_tokens t JOIN toolkits k ON k.id = t.toolkit_id AND k.tenant = t.tenant WHERE t.token_hash = ?1";

    public Uni<Void> insert(Toolkit toolkit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT).setParameter(1, toolkit.id())
                .setParameter(2, toolkit.tenant()).setParameter(3, toolkit.name()).setParameter(4, toolkit.description())
                .setParameter(5, toolkit.readOnly()).setParameter(6, json(toolkit.members())).setParameter(7, toolkit.createdBy())
                .executeUpdate()).replaceWithVoid();
    }

    /** The tenant's toolkit, or null. */
    public Uni<Toolkit> find(String tenant, UUID id) {
        return one(FIND, tenant, id);
    }

    /** {@link #find}, locked until the transaction ends: concurrent changes wait for each other. */
    public Uni<Toolkit> findForUpdate(String tenant, UUID id) {
        return one(LOCK, tenant, id);
    }

    /** The tenant's toolkits that have {@code connectionId} among their members, locked until the transaction ends. */
    public Uni<List<Toolkit>> withMemberForUpdate(String tenant, UUID connectionId) {
        String member = "[{\"connectionId\": \"" + connectionId + "\"}]";
        return Panache.getSession().chain(session -> session.createNativeQuery(WITH_MEMBER).setParameter(1, tenant)
                .setParameter(2, member).getResultList()).map(rows -> rows.stream().map(row -> toolkit((Object[]) row)).toList());
    }

    /** The tenant's toolkits, newest first, after {@code after} (null for the first page). */
    public Uni<List<Toolkit>> list(String tenant, Keyset after, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LIST).setParameter(1, tenant)
                        .setParameter(2, after == null ? null : OffsetDateTime.ofInstant(after.instant(), ZoneOffset.UTC))
                        .setParameter(3, after == null ? null : after.id()).setParameter(4, limit).getResultList())
                .map(rows -> rows.stream().map(row -> toolkit((Object[]) row)).toList());
    }

    /** Whether another toolkit of the tenant has {@code name}. */
    public Uni<Boolean> nameTaken(String tenant, String name, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(NAME_TAKEN).setParameter(1, tenant)
                .setParameter(2, name).setParameter(3, id).getSingleResult()).map(count -> ((Number) count).longValue() > 0);
    }

    /** Stores the toolkit as changed; answers it at its new version. */
    public Uni<Toolkit> update(Toolkit toolkit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPDATE).setParameter(1, toolkit.tenant())
                .setParameter(2, toolkit.id()).setParameter(3, toolkit.name()).setParameter(4, toolkit.description())
                .setParameter(5, toolkit.readOnly()).setParameter(6, json(toolkit.members())).getSingleResult())
                .map(version -> toolkit.atVersion(((Number) version).longValue()));
    }

    /** Deletes the toolkit and its tokens. */
    public Uni<Void> delete(String tenant, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DELETE).setParameter(1, tenant).setParameter(2, id)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> insertToken(String tenant, ToolkitToken token, String tokenHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_TOKEN).setParameter(1, token.id())
                .setParameter(2, token.toolkitId()).setParameter(3, tenant).setParameter(4, token.name()).setParameter(5, tokenHash)
                .setParameter(6, OffsetDateTime.ofInstant(token.expiresAt(), ZoneOffset.UTC)).setParameter(7, token.createdBy())
                .executeUpdate()).replaceWithVoid();
    }

    /** The toolkit's tokens, newest first: revoked and expired ones too, until the toolkit goes. */
    public Uni<List<ToolkitToken>> tokens(String tenant, UUID toolkitId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TOKENS).setParameter(1, tenant)
                .setParameter(2, toolkitId).getResultList()).map(rows -> rows.stream().map(row -> token((Object[]) row)).toList());
    }

    /** The toolkit's token, or null. */
    public Uni<ToolkitToken> token(String tenant, UUID toolkitId, UUID tokenId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TOKEN).setParameter(1, tenant)
                        .setParameter(2, toolkitId).setParameter(3, tokenId).getResultList())
                .map(rows -> rows.isEmpty() ? null : token((Object[]) rows.get(0)));
    }

    /** A token and its toolkit, found by the hash of the token's value. */
    public record Held(ToolkitToken token, Toolkit toolkit) {
    }

    /** The token whose value hashes to {@code tokenHash}, with its toolkit, in whichever tenant; null when none does. */
    public Uni<Held> byHash(String tokenHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(HOLDING).setParameter(1, tokenHash).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] row = (Object[]) rows.get(0);
                    return new Held(token(row), toolkit(Arrays.copyOfRange(row, 8, row.length)));
                });
    }

    /** Records that the token was used now. */
    public Uni<Void> used(UUID tokenId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(USED).setParameter(1, tokenId).executeUpdate())
                .replaceWithVoid();
    }

    /** Revokes the token; false when it was revoked already (or is not the toolkit's). */
    public Uni<Boolean> revoke(String tenant, UUID toolkitId, UUID tokenId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(REVOKE).setParameter(1, tenant)
                .setParameter(2, toolkitId).setParameter(3, tokenId).getResultList()).map(rows -> !rows.isEmpty());
    }

    private Uni<Toolkit> one(String sql, String tenant, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter(1, tenant).setParameter(2, id)
                .getResultList()).map(rows -> rows.isEmpty() ? null : toolkit((Object[]) rows.get(0)));
    }

    private static Toolkit toolkit(Object[] row) {
        try {
            return new Toolkit((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (Boolean) row[4],
                    JSON.readValue((String) row[5], MEMBERS), ((Number) row[6]).longValue(), (String) row[7], instant(row[8]),
                    instant(row[9]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a toolkit's members are not the JSON they were stored as", e);
        }
    }

    private static ToolkitToken token(Object[] row) {
        return new ToolkitToken((UUID) row[0], (UUID) row[1], (String) row[2], instant(row[3]), instant(row[4]), (String) row[5],
                instant(row[6]), instant(row[7]));
    }

    private static String json(List<Member> members) {
        try {
            return JSON.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
