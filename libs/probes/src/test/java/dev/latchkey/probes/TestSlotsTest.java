package dev.latchkey.probes;

import dev.latchkey.platform.problem.TooManyRequestsException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Slots are a tenant's own, bounded in all, and freed however a test ends. */
class TestSlotsTest {

    private final TestSlots slots = new TestSlots(2, 3, Duration.ofSeconds(10));

    @Test
    void aTenantBeyondItsSlotsIsRefusedWhileAnotherTenantStillRuns() {
        Cancellable first = hang("a");
        Cancellable second = hang("a");

        var refused = assertThrows(TooManyRequestsException.class, () -> slots.run("a", () -> Uni.createFrom().item(1)).await().indefinitely());
        assertEquals(10, refused.retryAfterSeconds());
        assertEquals(1, slots.run("b", () -> Uni.createFrom().item(1)).await().indefinitely());

        first.cancel();
        second.cancel();
        assertEquals(0, slots.running("a"), "cancelled tests free their slots");
    }

    @Test
    void theServiceWideBoundHoldsAcrossTenants() {
        hang("a");
        hang("b");
        hang("c");

        assertThrows(TooManyRequestsException.class, () -> slots.run("d", () -> Uni.createFrom().item(1)).await().indefinitely());
    }

    @Test
    void aFailedOrThrowingTestFreesItsSlot() {
        for (int i = 0; i < 5; i++) {
            assertThrows(IllegalStateException.class, () -> slots.run("a", () -> Uni.createFrom().<Integer>failure(new IllegalStateException("down")))
                    .await().indefinitely());
            assertThrows(IllegalStateException.class, () -> slots.run("a", () -> {
                throw new IllegalStateException("no test");
            }).await().indefinitely());
        }
        assertEquals(0, slots.running("a"));
    }

    /** A test that never ends, running in a slot of {@code tenant}'s until cancelled. */
    private Cancellable hang(String tenant) {
        return slots.run(tenant, () -> Uni.createFrom().<Integer>nothing()).subscribe().with(ignored -> { });
    }
}
