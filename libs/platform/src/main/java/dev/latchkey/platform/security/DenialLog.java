package dev.latchkey.platform.security;

import dev.latchkey.events.AccessEvents.AccessDenied;
import dev.latchkey.events.EventJson;
import dev.latchkey.events.Topics;
import dev.latchkey.platform.outbox.OutboxBatcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of denials, without a write per denial (OWASP API4). The first denial of a caller (its tenant and
 * actor) in a window ({@code latchkey.security.denial-window}, 60 s) is recorded before the answer leaves; the ones
 * after it in that window are only counted, and one {@code access.denied} with their {@code count} follows when the
 * window ends. A caller hammering a forbidden endpoint costs one write per window, and the log still counts every
 * denial. Kept per replica; a replica that stops records what it counted, and one that crashes loses at most a
 * window's count (never the first denial).
 */
@ApplicationScoped
public class DenialLog {

    private static final Logger LOG = Logger.getLogger(DenialLog.class);

    private record Caller(String tenant, String actor) {
    }

    /** The denials of one caller after its recorded first one, in the window that ends at {@code ends}. */
    private static final class Window {
        private final Instant ends;
        private int repeated;
        private AccessDenied last;
        private String actorName;

        private Window(Instant ends) {
            this.ends = ends;
        }
    }

    private final OutboxBatcher outbox;
    private final Vertx vertx;
    private final URI source;
    private final Duration window;
    private final Map<Caller, Window> windows = new HashMap<>();
    private long timer;

    public DenialLog(OutboxBatcher outbox, Vertx vertx, @ConfigProperty(name = "quarkus.application.name") String application,
            SecurityConfig config) {
        this.outbox = outbox;
        this.vertx = vertx;
        this.source = URI.create("/latchkey/" + application);
        this.window = config.denialWindow();
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(Math.max(100, window.toMillis() / 4), tick -> recordRepeats(Instant.now())
                .subscribe().with(ignored -> { }, failure -> LOG.warnf("repeated denials stay counted: %s", failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
        recordRepeats(Instant.MAX).await().atMost(Duration.ofSeconds(5));
    }

    /** Records {@code denial} now when it is the caller's first in its window; otherwise counts it. */
    public Uni<Void> denied(String tenant, String actor, String actorName, AccessDenied denial) {
        boolean first;
        synchronized (windows) {
            Window open = windows.get(new Caller(tenant, actor));
            first = open == null;
            if (first) {
                windows.put(new Caller(tenant, actor), new Window(Instant.now().plus(window)));
            } else {
                open.repeated++;
                open.last = denial;
                open.actorName = actorName;
            }
        }
        return first ? record(tenant, actor, actorName, denial) : Uni.createFrom().voidItem();
    }

    /** Records the count of every window that ended by {@code now} and had repeats; closes those windows. */
    Uni<Void> recordRepeats(Instant now) {
        Map<Caller, Window> ended = new HashMap<>();
        synchronized (windows) {
            for (var entry : new ArrayList<>(windows.entrySet())) {
                if (!entry.getValue().ends.isAfter(now)) {
                    windows.remove(entry.getKey());
                    if (entry.getValue().repeated > 0) {
                        ended.put(entry.getKey(), entry.getValue());
                    }
                }
            }
        }
        List<Uni<Void>> writes = new ArrayList<>();
        ended.forEach((caller, repeats) -> writes.add(record(caller.tenant(), caller.actor(), repeats.actorName,
                repeats.last.times(repeats.repeated))));
        return Multi.createFrom().iterable(writes).onItem().transformToUniAndConcatenate(write -> write).collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> record(String tenant, String actor, String actorName, AccessDenied denial) {
        return outbox.append(Topics.ACCESS, EventJson.envelope(denial, source, tenant, actor, actorName))
                .onFailure().invoke(failure -> LOG.errorf("could not record the denial of %s %s: %s", denial.method(),
                        denial.path(), failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
