package dev.ringside.engine.run;

import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.progress.RangeState;

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
 */
public record RangeOutcome(int id, TokenRange range, RangeState state, long rows, String node, int attempts,
                           String error) {
}
