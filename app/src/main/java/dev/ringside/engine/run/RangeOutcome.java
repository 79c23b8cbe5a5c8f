package dev.ringside.engine.run;

import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.RangeState;

import java.time.Duration;

/**
 * How one planned range ended.
 *
 * @param id       planned range id
 * @param range    its tokens
 * @param state    DONE or FAILED (PENDING when the job was cancelled before it ran)
 * @param rows     rows counted or written
 * @param node     replica that served it (last attempt), or {@code ""}
 * @param attempts queries tried, retries and halves included
 * @param error    why it failed, or {@code null}
 * @param bytes    bytes its rows take in the output (exports; 0 for counts, and for ranges an earlier run wrote):
 *                 exact for CSV and JSON Lines (before gzip), Parquet's encoded size before compression
 * @param duration from its first query to its end (0 when an earlier run finished it)
 */
public record RangeOutcome(int id, TokenRange range, RangeState state, long rows, String node, int attempts,
                           String error, long bytes, Duration duration) {

    public RangeOutcome {
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** An outcome without bytes or timing (counts in tests, ranges finished by an earlier run). */
    public RangeOutcome(int id, TokenRange range, RangeState state, long rows, String node, int attempts, String error) {
        this(id, range, state, rows, node, attempts, error, 0, Duration.ZERO);
    }

    /** Queries after the first: retries on other replicas, and the halves of a range that timed out. */
    public int retries() {
        return Math.max(0, attempts - 1);
    }
}
