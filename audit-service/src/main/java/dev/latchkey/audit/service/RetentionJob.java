package dev.latchkey.audit.service;

import dev.latchkey.audit.config.AuditConfig;
import dev.latchkey.audit.repository.ChainCuts;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.stream.Collectors;

/**
 * Deletes what is past each tenant's retention. The cut is a prefix of the tenant's chain (every entry up to the
 * first that occurred within the retention period), which stays verifiable across the cut (see {@link ChainCuts}).
 * It deletes {@value #CHUNK} entries per transaction, so a tenant whose period was shortened never holds its chain
 * (and the ingestion waiting on it) for long.
 */
@ApplicationScoped
public class RetentionJob {

    static final int CHUNK = 10_000;

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final ChainCuts cuts;
    private final AuditConfig config;

    public RetentionJob(ChainCuts cuts, AuditConfig config) {
        this.cuts = cuts;
        this.config = config;
    }

    @Scheduled(every = "${latchkey.audit.retention-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return cut().invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("retention deleted %d audit entries", deleted);
            }
        }).replaceWithVoid();
    }

    /** Cuts every tenant's chain at its retention; returns how many entries were deleted. */
    public Uni<Long> cut() {
        return cuts.tenants(config.retention())
                .onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                .onItem().transformToUniAndConcatenate(tenant -> cut(tenant.tenant(), tenant.keepSeconds()))
                .collect().with(Collectors.summingLong(Long::longValue));
    }

    /** Cuts one tenant's chain, a chunk per transaction, until nothing past its retention is left. */
    private Uni<Long> cut(String tenant, long keepSeconds) {
        return cuts.cut(tenant, keepSeconds, CHUNK)
                .chain(deleted -> deleted < CHUNK ? Uni.createFrom().item(deleted)
                        : cut(tenant, keepSeconds).map(more -> more + deleted));
    }
}
