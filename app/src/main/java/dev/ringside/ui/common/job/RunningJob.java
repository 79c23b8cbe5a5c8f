package dev.ringside.ui.common.job;

import dev.ringside.engine.run.JobHandle;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The job a screen is running, and a cancel that works from the first moment. The engine hands out its handle only
 * once planning is over (reading the ring, preparing statements, opening files); a cancel pressed before that is
 * remembered and applied as soon as the handle exists, so it is never lost.
 */
public final class RunningJob<R> {

    private final AtomicReference<JobHandle<R>> handle = new AtomicReference<>();
    private volatile boolean cancelRequested;

    /** A new job begins: forget the last one's handle and cancel. */
    public void begin() {
        cancelRequested = false;
        handle.set(null);
    }

    /** The engine has started the job (called on the worker thread); cancels it at once if asked to meanwhile. */
    public JobHandle<R> started(JobHandle<R> h) {
        handle.set(h);
        if (cancelRequested) {
            h.cancel();
        }
        return h;
    }

    /** Cancels the job now, or as soon as it has started. */
    public void cancel() {
        cancelRequested = true;
        JobHandle<R> h = handle.get();
        if (h != null) {
            h.cancel();
        }
    }

    /** Range queries the job runs at once right now, or 0 before it has started. */
    public int parallelism() {
        JobHandle<R> h = handle.get();
        return h == null ? 0 : h.parallelism();
    }

    /** The job has ended. */
    public void end() {
        handle.set(null);
    }
}
