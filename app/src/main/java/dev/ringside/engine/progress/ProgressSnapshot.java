package dev.ringside.engine.progress;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of a running job, emitted at a bounded rate from a background thread.
 *
 * @param rows                 rows counted or written so far
 * @param rowsPerSecond        recent rate (last few seconds)
 * @param averageRowsPerSecond rate since the start
 * @param rangesDone           planned ranges finished
 * @param rangesFailed         planned ranges that failed after retries
 * @param rangesRunning        planned ranges in flight
 * @param rangesTotal          planned ranges
 * @param fractionDone         share of the token space finished, 0..1 (weighted by span, not by range count)
 * @param elapsed              time since the start
 * @param eta                  estimated time left, or {@code null} while unknown
 * @param bytesWritten         bytes written to files (exports), 0 for counts
 * @param files                files being written (exports), 0 for counts
 * @param ranges               every planned range's state, in token order
 * @param finished             {@code true} for the last snapshot of a job
 */
public record ProgressSnapshot(long rows, double rowsPerSecond, double averageRowsPerSecond, int rangesDone,
                               int rangesFailed, int rangesRunning, int rangesTotal, double fractionDone,
                               Duration elapsed, Duration eta, long bytesWritten, int files, List<RangeView> ranges,
                               boolean finished) {

    public ProgressSnapshot {
        ranges = List.copyOf(ranges);
    }

    public Optional<Duration> etaIfKnown() {
        return Optional.ofNullable(eta);
    }

    public double percentDone() {
        return fractionDone * 100.0;
    }
}
