package dev.ringside.bench;

import java.time.Duration;

/**
 * One timed run of a benchmark.
 *
 * @param name        what ran, e.g. "export parquet"
 * @param rows        rows read (and written, for exports)
 * @param bytes       bytes written to files (exports) or value bytes received (the raw scan); 0 for counts
 * @param elapsed     wall time
 * @param parallelism range queries in flight
 * @param ranges      token ranges planned
 */
public record Measurement(String name, long rows, long bytes, Duration elapsed, int parallelism, int ranges) {

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    public double rowsPerSecond() {
        return seconds() > 0 ? rows / seconds() : 0;
    }

    /** This run's rows per second as a share of another's, e.g. of the raw-driver ceiling. */
    public double shareOf(Measurement ceiling) {
        return ceiling.rowsPerSecond() > 0 ? rowsPerSecond() / ceiling.rowsPerSecond() : 0;
    }
}
