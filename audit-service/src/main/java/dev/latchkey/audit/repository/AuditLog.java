package dev.latchkey.audit.repository;

import dev.latchkey.audit.domain.AuditEntry;
import dev.latchkey.audit.domain.AuditTime;
import dev.latchkey.audit.domain.ChainHash;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.latchkey.platform.sql.NativeStatements.execute;

/**
 * Appends entries to the audit log in the caller's transaction. A tenant's chain head is locked while its entries
 * are linked and inserted, so replicas appending to the same tenant take turns; tenants are locked in name order,
 * so two appenders never wait on each other in a circle.
 */
@ApplicationScoped
public class AuditLog {

    private static final String CREATE_CHAIN = """
            INSERT INTO audit_chains (tenant, head_seq, head_hash, cut_seq, cut_hash) VALUES (?1, 0, ?2, 0, ?2)
            ON CONFLICT (tenant) DO NOTHING""";
    private static final String LOCK_HEAD = "SELECT head_seq, head_hash FROM audit_chains WHERE tenant = ?1 FOR UPDATE";
    private static final String MOVE_HEAD = "UPDATE audit_chains SET head_seq = ?2, head_hash = ?3 WHERE tenant = ?1";
    private static final String INSERT = """
            INSERT INTO audit_events (event_id, tenant, chain_seq, occurred_at, received_at, actor_type, actor_id, actor_name,
                action, target_type, target_id, target_name, outcome, environment, details, prev_hash, hash)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)""";

    /** Appends {@code entries} (not yet linked), each at the end of its tenant's chain, in the order given. */
    public Uni<Void> append(List<AuditEntry> entries) {
        Map<String, List<AuditEntry>> byTenant = new TreeMap<>();
        entries.forEach(entry -> byTenant.computeIfAbsent(entry.tenant(), tenant -> new ArrayList<>()).add(entry));
        return Multi.createFrom().iterable(byTenant.entrySet())
                .onItem().transformToUniAndConcatenate(tenant -> appendToChain(tenant.getKey(), tenant.getValue()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> appendToChain(String tenant, List<AuditEntry> entries) {
        return execute(CREATE_CHAIN, tenant, ChainHash.GENESIS)
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(LOCK_HEAD)
                        .setParameter(1, tenant).getSingleResult()))
                .map(Object[].class::cast)
                .chain(head -> {
                    long seq = ((Number) head[0]).longValue();
                    byte[] hash = (byte[]) head[1];
                    List<AuditEntry> linked = new ArrayList<>(entries.size());
                    for (AuditEntry entry : entries) {
                        AuditEntry link = entry.linked(++seq, hash);
                        linked.add(link);
                        hash = link.hash();
                    }
                    AuditEntry last = linked.get(linked.size() - 1);
                    return Multi.createFrom().iterable(linked).onItem().transformToUniAndConcatenate(AuditLog::insert)
                            .collect().last()
                            .chain(() -> execute(MOVE_HEAD, tenant, last.chainSeq(), last.hash()));
                });
    }

    private static Uni<Void> insert(AuditEntry entry) {
        return execute(INSERT, entry.eventId(), entry.tenant(), entry.chainSeq(), AuditTime.of(entry.occurredAt()), AuditTime.of(entry.receivedAt()),
                entry.actorType(), entry.actorId(), entry.actorName(), entry.action(), entry.targetType(), entry.targetId(),
                entry.targetName(), entry.outcome(), entry.environment(), entry.details(), entry.prevHash(), entry.hash());
    }
}
