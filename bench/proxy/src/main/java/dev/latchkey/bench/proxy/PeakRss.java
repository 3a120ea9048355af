package dev.latchkey.bench.proxy;

import dev.latchkey.bench.hotpath.Footprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A process's resident memory, sampled every 50 ms while something runs: the highest sample, in MiB. */
final class PeakRss {

    private PeakRss() {
    }

    static long during(long pid, Runnable work) {
        AtomicLong peak = new AtomicLong(mib(pid));
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(mib(pid), Math::max), 0, 50, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            sampler.shutdownNow();
        }
        return peak.accumulateAndGet(mib(pid), Math::max);
    }

    static long mib(long pid) {
        try {
            return Footprint.kib(pid, "VmRSS") / 1024;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of process " + pid, e);
        }
    }
}
