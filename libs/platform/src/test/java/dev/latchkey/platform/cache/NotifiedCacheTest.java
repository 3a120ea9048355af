package dev.latchkey.platform.cache;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a notified cache serves, and when it goes back to the database instead. */
class NotifiedCacheTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aReadIsKeptOnlyWhileNotificationsAreHeard() {
        var cache = new NotifiedCache<String, Integer>(10, Duration.ofMinutes(1));
        assertEquals(1, get(cache, "a"));
        assertEquals(2, get(cache, "a"), "nothing is kept before the notifications are heard");

        cache.trust();
        assertEquals(3, get(cache, "a"));
        assertEquals(3, get(cache, "a"));
        assertEquals(1, cache.size());

        cache.distrust();
        assertEquals(0, cache.size());
        assertEquals(4, get(cache, "a"), "what was kept is not served while changes may go unheard");
        assertEquals(5, get(cache, "a"));
    }

    @Test
    void aChangeForgetsWhatItTouches() {
        var cache = trusted(10, Duration.ofMinutes(1));
        assertEquals(1, get(cache, "a"));
        assertEquals(2, get(cache, "b"));
        cache.forget("a");
        assertEquals(3, get(cache, "a"));
        assertEquals(2, get(cache, "b"));
        cache.forgetIf(value -> value == 2);
        assertEquals(4, get(cache, "b"));
        assertEquals(3, get(cache, "a"));
    }

    @Test
    void aReadThatAChangeOvertookIsServedOnceButNotKept() {
        var cache = trusted(10, Duration.ofMinutes(1));
        var answer = new CompletableFuture<Integer>();
        var pending = cache.get("a", () -> Uni.createFrom().completionStage(answer)).subscribeAsCompletionStage();
        cache.forget("a");
        answer.complete(41);
        assertEquals(41, pending.join());
        assertEquals(0, cache.size());
        assertEquals(1, get(cache, "a"));
    }

    @Test
    void concurrentReadersShareOneReadBegunAfterTheLastChange() {
        var cache = trusted(10, Duration.ofMinutes(1));
        var first = new CompletableFuture<Integer>();
        Supplier<Uni<Integer>> slow = () -> {
            reads.incrementAndGet();
            return Uni.createFrom().completionStage(first);
        };
        var a = cache.get("k", slow).subscribeAsCompletionStage();
        var b = cache.get("k", slow).subscribeAsCompletionStage();
        assertEquals(1, reads.get(), "the second reader joins the read under way");

        cache.forget("k");
        var second = new CompletableFuture<Integer>();
        var c = cache.get("k", () -> {
            reads.incrementAndGet();
            return Uni.createFrom().completionStage(second);
        }).subscribeAsCompletionStage();
        assertEquals(2, reads.get(), "a reader after a change does not join a read begun before it");

        first.complete(1);
        second.complete(2);
        assertEquals(1, a.join());
        assertEquals(1, b.join());
        assertEquals(2, c.join());
        assertEquals(2, get(cache, "k"), "the read begun after the change is kept");
    }

    @Test
    void aFailedReadKeepsNothing() {
        var cache = trusted(10, Duration.ofMinutes(1));
        Supplier<Uni<Integer>> failing = () -> Uni.createFrom().failure(new IllegalStateException("down"));
        var failure = assertThrows(IllegalStateException.class, () -> cache.get("a", failing).await().indefinitely());
        assertEquals("down", failure.getMessage());
        assertEquals(0, cache.size());
    }

    @Test
    void entriesAreBoundedInNumberAndAge() {
        var full = trusted(1, Duration.ofMinutes(1));
        assertEquals(1, get(full, "a"));
        assertEquals(2, get(full, "b"));
        assertEquals(3, get(full, "b"), "beyond its entries reads go to the database");
        assertEquals(1, get(full, "a"));

        var aged = trusted(10, Duration.ZERO);
        assertEquals(4, get(aged, "a"));
        assertEquals(5, get(aged, "a"), "a value past its age is read again");
    }

    private NotifiedCache<String, Integer> trusted(int entries, Duration maxAge) {
        var cache = new NotifiedCache<String, Integer>(entries, maxAge);
        cache.trust();
        return cache;
    }

    private int get(NotifiedCache<String, Integer> cache, String key) {
        return cache.get(key, () -> Uni.createFrom().item(reads::incrementAndGet)).await().indefinitely();
    }
}
