package dev.latchkey.audit.service;

import dev.latchkey.audit.domain.AuditEntry;
import dev.latchkey.audit.domain.ChainHash;
import dev.latchkey.audit.repository.AuditQueries;
import dev.latchkey.audit.repository.AuditQueries.Chain;
import dev.latchkey.audit.repository.AuditQueries.ChainReads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Checks a tenant's hash chain over the entries received in a time range, in one snapshot of the database, page by
 * page: every position from the first to the last entry received in the range must be there, each entry's hash
 * must be the one its content gives, and each must link to the one before it (the first to the entry before the
 * range, or to the last one retention deleted). A range that reaches the present must also reach the chain's
 * recorded head, so removing the newest entries shows too. Names the first broken link.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int PAGE = 1_000;

    /** The outcome: how many entries were checked and, when the chain does not hold, where it first breaks. */
    public record Verification(String tenant, Instant from, Instant to, boolean verified, long checked, BrokenLink firstBrokenLink) {
    }

    /** Where a chain breaks: the entry (null when it is missing), its position in the chain, and why. */
    public record BrokenLink(UUID eventId, long position, String reason) {
    }

    private final AuditQueries queries;

    public ChainVerifier(AuditQueries queries) {
        this.queries = queries;
    }

    /** Verifies [{@code from}, {@code to}); {@code to} after the moment of asking means "up to now". */
    public Uni<Verification> verify(String tenant, Instant from, Instant to) {
        boolean reachesPresent = to.isAfter(Instant.now());
        return queries.inSnapshot(reads -> reads.chain(tenant).chain(chain -> {
            Walk walk = new Walk(reads, tenant, from, to, chain, reachesPresent);
            if (chain == null) {
                return Uni.createFrom().item(walk.holds(0));
            }
            return reads.positions(tenant, from, to).chain(positions -> positions == null ? end(walk, 0, null, 0)
                    : linkBefore(walk, positions[0]).chain(expected -> walk(walk, positions[1], positions[0] - 1, expected, 0)));
        }));
    }

    private record Walk(ChainReads reads, String tenant, Instant from, Instant to, Chain chain, boolean reachesPresent) {

        Verification holds(long checked) {
            return new Verification(tenant, from, to, true, checked, null);
        }

        Verification broken(long checked, BrokenLink link) {
            return new Verification(tenant, from, to, false, checked, link);
        }
    }

    /** Checks the next page of positions after {@code lastSeq} up to {@code until}; {@code lastHash} is the hash to link to. */
    private Uni<Verification> walk(Walk walk, long until, long lastSeq, byte[] lastHash, long checked) {
        return walk.reads().segment(walk.tenant(), lastSeq, until, PAGE).chain(page -> {
            long seq = lastSeq;
            byte[] previous = lastHash;
            long count = checked;
            for (AuditEntry entry : page) {
                BrokenLink broken = check(entry, seq, previous);
                if (broken != null) {
                    return Uni.createFrom().item(walk.broken(count, broken));
                }
                seq = entry.chainSeq();
                previous = entry.hash();
                count++;
            }
            return page.size() == PAGE ? walk(walk, until, seq, previous, count) : end(walk, seq, previous, count);
        });
    }

    /**
     * The hash the entry at {@code first} must link to: the last cut's (the zero hash before any entry), otherwise
     * the stored hash of the entry before it (null: that entry is gone).
     */
    private static Uni<byte[]> linkBefore(Walk walk, long first) {
        long before = first - 1;
        if (before == walk.chain().cutSeq()) {
            return Uni.createFrom().item(walk.chain().cutHash());
        }
        return before < walk.chain().cutSeq() ? Uni.createFrom().nullItem() : walk.reads().hashAt(walk.tenant(), before);
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
    private static Uni<Verification> end(Walk walk, long lastSeq, byte[] lastHash, long checked) {
        Chain chain = walk.chain();
        if (!walk.reachesPresent() || chain.headSeq() == chain.cutSeq() || lastSeq > chain.headSeq()) {
            return Uni.createFrom().item(walk.holds(checked));
        }
        Uni<byte[]> head = lastSeq == chain.headSeq() ? Uni.createFrom().item(lastHash) : walk.reads().hashAt(walk.tenant(), chain.headSeq());
        return head.map(hash -> Arrays.equals(hash, chain.headHash()) ? walk.holds(checked)
                : walk.broken(checked, new BrokenLink(null, chain.headSeq(), "missing or replaced: the chain's last entry, at position "
                        + chain.headSeq())));
    }
}
