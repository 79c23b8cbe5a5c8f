package dev.ringside.engine.run;

import java.util.concurrent.CompletableFuture;

/**
 * A running job: its result when it ends, and a way to stop it. Cancelling makes the result complete promptly with
 * what was done so far (marked cancelled); it never completes exceptionally for range failures, which are part of
 * the result.
 */
public interface JobHandle<R> {

    CompletableFuture<R> result();

    void cancel();

    /** Ranges planned. */
    int ranges();

    /** Range queries in flight at most, right now: with "auto" it moves while the job runs. */
    int parallelism();

    /** Whether the job tunes its parallelism while it runs. */
    default boolean autoParallelism() {
        return false;
    }
}
