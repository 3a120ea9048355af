package dev.latchkey.audit.repository;

import dev.latchkey.audit.domain.AuditEntry;
import dev.latchkey.audit.domain.ChainHash;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * Appends entries to the audit log in the caller's transaction, in a fixed number of statements however many entries
 * and tenants there are: the chains' heads are locked together, the entries linked in memory, inserted as one
 * multi-row insert and the heads moved as one update. Replicas appending to the same tenant take turns on its head;
 * heads are locked in tenant name order, so two appenders never wait on each other in a circle. An entry whose event
 * is in the log already is left out: the log's unique event ids are what makes ingestion exactly-once, and asked
 * once the heads are locked, they include whatever another replica appended to those tenants before.
 */
@ApplicationScoped
public class AuditLog {

    private static final String CREATE_CHAINS = """
            INSERT INTO audit_chains (tenant, head_seq, head_hash, cut_seq, cut_hash)
            SELECT tenant, 0, ?2, 0, ?2 FROM unnest(CAST(?1 AS text[])) AS tenant
            ON CONFLICT (tenant) DO NOTHING""";
    // ORDER BY under FOR UPDATE: the rows are locked as they come out of the sort, in name order.
    private static final String LOCK_HEADS = """
            SELECT tenant, head_seq, head_hash FROM audit_chains WHERE tenant = ANY (CAST(?1 AS text[]))
            ORDER BY tenant FOR UPDATE""";
    private static final String STORED_EVENTS = "SELECT event_id FROM audit_events WHERE event_id = ANY (CAST(?1 AS uuid[]))";
    private static final String MOVE_HEADS = """
            UPDATE audit_chains c SET head_seq = h.seq, head_hash = decode(h.hash, 'hex')
            FROM unnest(CAST(?1 AS text[]), CAST(?2 AS bigint[]), CAST(?3 AS text[])) AS h (tenant, seq, hash)
            WHERE c.tenant = h.tenant""";
    // Times and hashes travel as text (ISO-8601, hex): the arrays the reactive client binds are of plain types.
    private static final String INSERT = """
            INSERT INTO audit_events (event_id, tenant, chain_seq, occurred_at, received_at, actor_type, actor_id, actor_name,
                action, target_type, target_id, target_name, outcome, environment, details, prev_hash, hash)
            SELECT event_id, tenant, chain_seq, CAST(occurred_at AS timestamptz), CAST(received_at AS timestamptz),
                actor_type, actor_id, actor_name, action, target_type, target_id, target_name, outcome, environment, details,
                decode(prev_hash, 'hex'), decode(hash, 'hex')
            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS bigint[]), CAST(?4 AS text[]),
                CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]), CAST(?8 AS text[]), CAST(?9 AS text[]),
                CAST(?10 AS text[]), CAST(?11 AS text[]), CAST(?12 AS text[]), CAST(?13 AS text[]), CAST(?14 AS text[]),
                CAST(?15 AS text[]), CAST(?16 AS text[]), CAST(?17 AS text[]))
                AS e (event_id, tenant, chain_seq, occurred_at, received_at, actor_type, actor_id, actor_name, action,
                    target_type, target_id, target_name, outcome, environment, details, prev_hash, hash)""";
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Appends {@code entries} (not yet linked), each at the end of its tenant's chain, in the order given, but those
     * whose event the log holds (or an earlier entry of {@code entries} does); returns the entries appended.
     */
    public Uni<List<AuditEntry>> append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] tenants = entries.stream().map(AuditEntry::tenant).distinct().sorted().toArray(String[]::new);
        return execute(CREATE_CHAINS, tenants, ChainHash.GENESIS)
                .chain(() -> lockHeads(tenants))
                .chain(heads -> storedEvents(entries).chain(stored -> {
                    Map<String, List<AuditEntry>> byTenant = new TreeMap<>();
                    for (AuditEntry entry : entries) {
                        if (stored.add(entry.eventId())) {
                            byTenant.computeIfAbsent(entry.tenant(), tenant -> new ArrayList<>()).add(entry);
                        }
                    }
                    if (byTenant.isEmpty()) {
                        return Uni.createFrom().item(List.<AuditEntry>of());
                    }
                    List<AuditEntry> linked = new ArrayList<>(entries.size());
                    List<AuditEntry> newHeads = new ArrayList<>(byTenant.size());
                    byTenant.forEach((tenant, chain) -> newHeads.add(link(heads.get(tenant), chain, linked)));
                    return execute(INSERT, columns(linked)).chain(() -> moveHeads(newHeads)).replaceWith(linked);
                }));
    }

    /** A tenant's chain head: its last entry's position and hash. */
    private record Head(long seq, byte[] hash) {
    }

    private static Uni<Map<String, Head>> lockHeads(String[] tenants) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_HEADS, Object[].class)
                        .setParameter(1, tenants).getResultList())
                .map(rows -> {
                    Map<String, Head> heads = new HashMap<>();
                    rows.forEach(row -> heads.put((String) row[0], new Head(((Number) row[1]).longValue(), (byte[]) row[2])));
                    return heads;
                });
    }

    /** The ids of the events of {@code entries} that the log holds. */
    private static Uni<Set<UUID>> storedEvents(List<AuditEntry> entries) {
        return Panache.getSession().chain(session -> session.createNativeQuery(STORED_EVENTS, UUID.class)
                        .setParameter(1, entries.stream().map(AuditEntry::eventId).toArray(UUID[]::new)).getResultList())
                .map(HashSet::new);
    }

    /** Links {@code chain} after {@code head} into {@code linked}; returns the chain's last entry, its new head. */
    private static AuditEntry link(Head head, List<AuditEntry> chain, List<AuditEntry> linked) {
        long seq = head.seq();
        byte[] hash = head.hash();
        AuditEntry link = null;
        for (AuditEntry entry : chain) {
            link = entry.linked(++seq, hash);
            linked.add(link);
            hash = link.hash();
        }
        return link;
    }

    private static Uni<Void> moveHeads(List<AuditEntry> heads) {
        return execute(MOVE_HEADS, heads.stream().map(AuditEntry::tenant).toArray(String[]::new),
                heads.stream().map(AuditEntry::chainSeq).toArray(Long[]::new),
                heads.stream().map(head -> HEX.formatHex(head.hash())).toArray(String[]::new));
    }

    /** The parameters of {@link #INSERT}: one array per column. */
    private static Object[] columns(List<AuditEntry> entries) {
        return new Object[] {entries.stream().map(AuditEntry::eventId).toArray(UUID[]::new), text(entries, AuditEntry::tenant),
                entries.stream().map(AuditEntry::chainSeq).toArray(Long[]::new),
                text(entries, entry -> entry.occurredAt().toString()), text(entries, entry -> entry.receivedAt().toString()),
                text(entries, AuditEntry::actorType), text(entries, AuditEntry::actorId), text(entries, AuditEntry::actorName),
                text(entries, AuditEntry::action), text(entries, AuditEntry::targetType), text(entries, AuditEntry::targetId),
                text(entries, AuditEntry::targetName), text(entries, AuditEntry::outcome), text(entries, AuditEntry::environment),
                text(entries, AuditEntry::details), text(entries, entry -> HEX.formatHex(entry.prevHash())),
                text(entries, entry -> HEX.formatHex(entry.hash()))};
    }

    private static String[] text(List<AuditEntry> entries, Function<AuditEntry, String> column) {
        return entries.stream().map(column).toArray(String[]::new);
    }
}
