package dev.latchkey.bench.hotpath;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The benchmark's load, non-blocking on Vert.x's HTTP/1.1 client with a keep-alive pool of {@code connections}. A
 * closed loop keeps exactly N requests in flight, each caller sending its next when its answer is in; an open loop
 * sends each request at its due time whatever the answers do, and measures its latency from then (so a stall counts
 * in full for every request it delayed: no coordinated omission). Each request reads its whole answer. A request
 * waits at most {@value #ANSWER_WITHIN_MILLIS} ms for a connection and as long again for its answer; one that gets none
 * counts as such, with the time it waited among the latencies, so an overloaded service bounds a run's length without
 * flattering its percentiles.
 */
public final class LoadClient implements AutoCloseable {

    /** Connections spread over this many of the client's event loops: the machine's cores. */
    public static final int EVENT_LOOPS = Runtime.getRuntime().availableProcessors();
    private static final long ANSWER_WITHIN_MILLIS = 30_000;

    /** One request of a loop: a GET of its path, or a POST of a JSON body. */
    public record Request(HttpMethod method, String path, String json) {

        public static Request get(String path) {
            return new Request(HttpMethod.GET, path, null);
        }

        public static Request post(String path, String json) {
            return new Request(HttpMethod.POST, path, json);
        }
    }

    private final Vertx vertx;
    private final HttpClient http;
    private final URI base;

    public LoadClient(Vertx vertx, String baseUrl, int connections) {
        this.vertx = vertx;
        this.base = URI.create(baseUrl);
        this.http = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections).setEventLoopSize(EVENT_LOOPS));
    }

    /** {@code callers} GETs in flight for {@code duration}, going round {@code paths}. */
    public Outcome closedLoop(List<String> paths, String bearer, int callers, Duration duration) {
        return closedLoopOf(gets(paths), bearer, callers, duration);
    }

    /** {@code callers} requests in flight for {@code duration}, going round {@code requests}. */
    public Outcome closedLoopOf(List<Request> requests, String bearer, int callers, Duration duration) {
        Running running = startOf(requests, bearer, callers);
        vertx.setTimer(duration.toMillis(), timer -> running.stop());
        return running.await();
    }

    /** Starts a closed loop of GETs that runs until {@link Running#stop()}. */
    Running start(List<String> paths, String bearer, int callers) {
        return startOf(gets(paths), bearer, callers);
    }

    private Running startOf(List<Request> requests, String bearer, int callers) {
        Running running = new Running(vertx, callers);
        for (int i = 0; i < callers; i++) {
            next(running, requests, bearer);
        }
        return running;
    }

    private static List<Request> gets(List<String> paths) {
        return paths.stream().map(Request::get).toList();
    }

    private void next(Running running, List<Request> requests, String bearer) {
        if (running.stopped) {
            running.callerDone();
            return;
        }
        Request request = requests.get((int) (running.sent.getAndIncrement() % requests.size()));
        // The next request starts on a later turn of the event loop: an answer that came at once (a request that
        // failed before it was sent) would otherwise start the next one inside this call, and a run of them would
        // overflow the stack and end the caller's loop without a trace.
        send(request, bearer, System.nanoTime(), running.tally)
                .onComplete(done -> vertx.runOnContext(ignored -> next(running, requests, bearer)));
    }

    /** {@code rate} requests a second for {@code duration}, each at its due time, going round {@code paths}. */
    public Outcome openLoop(List<String> paths, String bearer, int rate, Duration duration) {
        long total = rate * duration.toSeconds();
        Tally tally = new Tally();
        CompletableFuture<Void> allAnswered = new CompletableFuture<>();
        AtomicLong finished = new AtomicLong();
        long start = System.nanoTime();
        long[] next = {0};
        // A millisecond tick sends every request that is due by now; only this timer's event loop touches next[0].
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            for (long due = start + next[0] * 1_000_000_000L / rate; next[0] < total && due <= now;
                    due = start + next[0] * 1_000_000_000L / rate) {
                send(Request.get(paths.get((int) (next[0]++ % paths.size()))), bearer, due, tally).onComplete(done -> {
                    if (finished.incrementAndGet() == total) {
                        allAnswered.complete(null);
                    }
                });
            }
            if (next[0] == total) {
                vertx.cancelTimer(timer);
            }
        });
        allAnswered.join();
        return tally.outcome((System.nanoTime() - start) / 1e9);
    }

    /**
     * One request, its latency counted from {@code due}; never fails, not even when the client throws rather than fails
     * a future (a caller whose loop ended that way would never finish its run): a missing answer is counted as such.
     */
    private Future<Void> send(Request request, String bearer, long due, Tally tally) {
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(base.getHost()).setPort(base.getPort())
                .setURI(request.path()).putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).setConnectTimeout(ANSWER_WITHIN_MILLIS)
                .setIdleTimeout(ANSWER_WITHIN_MILLIS);
        if (request.json() != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        return Future.succeededFuture(options).compose(http::request)
                .compose(sent -> request.json() == null ? sent.send() : sent.send(request.json()))
                .compose(response -> response.body().map(body -> {
                    tally.answered(request.path(), response.statusCode(), System.nanoTime() - due, body.toString());
                    return (Void) null;
                }))
                .recover(failure -> {
                    tally.failed(request.path(), System.nanoTime() - due, failure);
                    return Future.succeededFuture();
                });
    }

    @Override
    public void close() {
        http.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A closed loop under way. */
    static final class Running {
        private final Vertx vertx;
        private final Tally tally = new Tally();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicInteger callers;
        private final CompletableFuture<Outcome> finished = new CompletableFuture<>();
        private final long start = System.nanoTime();
        private volatile boolean stopped;

        private Running(Vertx vertx, int callers) {
            this.vertx = vertx;
            this.callers = new AtomicInteger(callers);
        }

        /**
         * No caller sends another request; those in flight still count, for as long as a request may take. A caller
         * not back by then had its loop end without a trace: the run ends all the same and says so.
         */
        void stop() {
            stopped = true;
            long stoppedAt = System.nanoTime();
            vertx.setTimer(2 * ANSWER_WITHIN_MILLIS, timer -> {
                int lost = callers.get();
                if (lost > 0) {
                    tally.lost(lost);
                    // The rate is over the time requests were sent, not the wait for callers that never came back.
                    finished.complete(tally.outcome((stoppedAt - start) / 1e9));
                }
            });
        }

        /** Waits for the requests in flight, after {@link #stop()}. */
        Outcome await() {
            return finished.join();
        }

        private void callerDone() {
            if (callers.decrementAndGet() == 0) {
                finished.complete(tally.outcome((System.nanoTime() - start) / 1e9));
            }
        }
    }

    /** Counts and latencies, filled from the event loops. */
    private static final class Tally {
        private static final int OK = 0;
        private static final int OTHER = 1;
        private static final int FAILED = 2;

        private final Latencies latencies = new Latencies();
        private final Map<String, AtomicLongArray> perPath = new ConcurrentHashMap<>();
        private final AtomicReference<String> firstProblem = new AtomicReference<>();

        void answered(String path, int status, long latency, String body) {
            latencies.add(latency);
            count(path, status == 200 ? OK : OTHER);
            if (status != 200) {
                firstProblem.compareAndSet(null, status + " " + body.substring(0, Math.min(200, body.length())));
            }
        }

        void failed(String path, long latency, Throwable failure) {
            latencies.add(latency);
            count(path, FAILED);
            firstProblem.compareAndSet(null, "no answer: " + failure);
        }

        void lost(int callers) {
            String lost = callers + " callers never came back: their loops ended without an answer or a failure to count";
            firstProblem.updateAndGet(first -> first == null ? lost : lost + "; before that: " + first);
        }

        private void count(String path, int outcome) {
            perPath.computeIfAbsent(path, ignored -> new AtomicLongArray(3)).incrementAndGet(outcome);
        }

        Outcome outcome(double seconds) {
            Map<String, Outcome.PathCounts> counts = perPath.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> new Outcome.PathCounts(entry.getValue().get(OK), entry.getValue().get(OTHER), entry.getValue().get(FAILED))));
            return new Outcome(total(counts, OK), total(counts, OTHER), total(counts, FAILED), seconds, latencies.sorted(), counts,
                    firstProblem.get());
        }

        private static long total(Map<String, Outcome.PathCounts> counts, int outcome) {
            return counts.values().stream().mapToLong(c -> outcome == OK ? c.ok() : outcome == OTHER ? c.otherStatus() : c.failed()).sum();
        }
    }
}
