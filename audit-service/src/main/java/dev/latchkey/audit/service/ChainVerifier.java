package dev.latchkey.audit.service;

import dev.latchkey.audit.domain.AuditEntry;
import dev.latchkey.audit.domain.ChainHash;
import dev.latchkey.audit.repository.AuditQueries;
import dev.latchkey.audit.repository.AuditQueries.Chain;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Checks a tenant's hash chain over the entries received in a time range, page by page: each entry's hash must be
 * the one its content gives, each must link to the one before it (the first of the range to the entry before the
 * range, or to the last one retention deleted), no position may be missing, and a range that reaches the present
 * must end at the chain's recorded head (so removing the newest entries shows too). Names the first broken link.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int PAGE = 1_000;

    /** The outcome: how many entries were checked and, when the chain does not hold, where it first breaks. */
    public record Verification(String tenant, Instant from, Instant to, boolean verified, long checked, BrokenLink firstBrokenLink) {
    }

    /** Where a chain breaks: the entry (null when it is missing), its position, and why. */
    public record BrokenLink(UUID eventId, long chainSeq, String reason) {
    }

    private final AuditQueries queries;

    public ChainVerifier(AuditQueries queries) {
        this.queries = queries;
    }

    public Uni<Verification> verify(String tenant, Instant from, Instant to) {
        return queries.chain(tenant).chain(chain -> {
            if (chain == null) {
                return Uni.createFrom().item(new Verification(tenant, from, to, true, 0, null));
            }
            return walk(new Walk(tenant, from, to, chain), 0, null, 0);
        });
    }

    private record Walk(String tenant, Instant from, Instant to, Chain chain) {
    }

    /** Checks the next page after {@code lastSeq} ({@code lastHash} its hash; 0 and null before the first page). */
    private Uni<Verification> walk(Walk walk, long lastSeq, byte[] lastHash, long checked) {
        return queries.chainSegment(walk.tenant(), walk.from(), walk.to(), lastSeq, PAGE).chain(page -> {
            if (page.isEmpty()) {
                return end(walk, lastSeq, lastHash, checked);
            }
            Uni<byte[]> expectedFirst = lastHash != null ? Uni.createFrom().item(lastHash) : linkBefore(walk, page.get(0));
            return expectedFirst.chain(expected -> {
                long seq = lastHash != null ? lastSeq : page.get(0).chainSeq() - 1;
                byte[] previous = expected;
                long count = checked;
                for (AuditEntry entry : page) {
                    BrokenLink broken = check(entry, seq, previous);
                    if (broken != null) {
                        return Uni.createFrom().item(new Verification(walk.tenant(), walk.from(), walk.to(), false, count, broken));
                    }
                    seq = entry.chainSeq();
                    previous = entry.hash();
                    count++;
                }
                AuditEntry last = page.get(page.size() - 1);
                return page.size() < PAGE ? end(walk, last.chainSeq(), last.hash(), count) : walk(walk, last.chainSeq(), last.hash(), count);
            });
        });
    }

    /**
     * The hash the range's first entry must link to: the zero hash for a chain's first entry, the cut's for the
     * first entry retention left, otherwise the stored hash of the entry before it (null: that entry is gone).
     */
    private Uni<byte[]> linkBefore(Walk walk, AuditEntry first) {
        long before = first.chainSeq() - 1;
        if (before == walk.chain().cutSeq()) {
            return Uni.createFrom().item(walk.chain().cutHash());
        }
        if (before < walk.chain().cutSeq()) {
            return Uni.createFrom().item((byte[]) null);
        }
        return queries.hashAt(walk.tenant(), before);
    }

    private static BrokenLink check(AuditEntry entry, long previousSeq, byte[] previousHash) {
        if (entry.chainSeq() != previousSeq + 1) {
            return new BrokenLink(null, previousSeq + 1, "missing: the entries from position " + (previousSeq + 1) + " to "
                    + (entry.chainSeq() - 1) + " are gone");
        }
        if (previousHash == null) {
            return new BrokenLink(entry.eventId(), entry.chainSeq(), "the entry before it is gone");
        }
        if (!Arrays.equals(entry.prevHash(), previousHash)) {
            return new BrokenLink(entry.eventId(), entry.chainSeq(), "does not link to the entry before it");
        }
        if (!ChainHash.holds(entry)) {
            return new BrokenLink(entry.eventId(), entry.chainSeq(), "altered: its content no longer gives its hash");
        }
        return null;
    }

    /**
     * The range checked out. If it reaches the present, it must also reach the chain's head: entries removed from
     * the end of the chain leave no broken link behind them, only a head that is gone.
     */
    private Uni<Verification> end(Walk walk, long lastSeq, byte[] lastHash, long checked) {
        Chain chain = walk.chain();
        Verification holds = new Verification(walk.tenant(), walk.from(), walk.to(), true, checked, null);
        if (walk.to().isBefore(Instant.now()) || chain.headSeq() == chain.cutSeq() || lastSeq > chain.headSeq()) {
            return Uni.createFrom().item(holds);
        }
        Uni<byte[]> head = lastSeq == chain.headSeq() ? Uni.createFrom().item(lastHash) : queries.hashAt(walk.tenant(), chain.headSeq());
        return head.map(hash -> Arrays.equals(hash, chain.headHash()) ? holds
                : new Verification(walk.tenant(), walk.from(), walk.to(), false, checked, new BrokenLink(null, chain.headSeq(),
                        "missing or replaced: the chain's last entry, at position " + chain.headSeq())));
    }
}
