package dev.ringside.bench;

import java.time.Duration;

/**
 * One timed run of a benchmark.
 *
 * @param name          what ran, e.g. "export parquet"
 * @param rows          rows read (and written, for exports)
 * @param bytes         bytes written to files (exports) or value bytes received (the raw scan); 0 for counts
 * @param elapsed       wall time
 * @param parallelism   range queries in flight
 * @param ranges        token ranges planned
 * @param cpu           CPU time this process spent during the run, all threads (the client's cost)
 * @param peakHeapBytes the most heap in use at any moment of the run
 */
public record Measurement(String name, long rows, long bytes, Duration elapsed, int parallelism, int ranges,
                          Duration cpu, long peakHeapBytes) {

    /** A run whose resources were not metered (yet): see {@link ResourceMeter#measure}. */
    public Measurement(String name, long rows, long bytes, Duration elapsed, int parallelism, int ranges) {
        this(name, rows, bytes, elapsed, parallelism, ranges, Duration.ZERO, 0);
    }

    public Measurement withResources(Duration cpuTime, long peakHeap) {
        return new Measurement(name, rows, bytes, elapsed, parallelism, ranges, cpuTime, peakHeap);
    }

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    public double cpuSeconds() {
        return cpu.toNanos() / 1e9;
    }

    public double rowsPerSecond() {
        return seconds() > 0 ? rows / seconds() : 0;
    }
}
