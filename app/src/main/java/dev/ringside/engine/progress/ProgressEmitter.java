package dev.ringside.engine.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Sends a snapshot to the listener at a fixed, bounded rate, and a last one when the job ends. */
public final class ProgressEmitter {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressEmitter.class);

    private final ProgressTracker tracker;
    private final ProgressListener listener;
    private ScheduledFuture<?> ticking;

    public ProgressEmitter(ProgressTracker tracker, ProgressListener listener) {
        this.tracker = tracker;
        this.listener = listener;
    }

    public void start(ScheduledExecutorService scheduler, Duration interval) {
        long ms = Math.max(50, interval.toMillis());
        ticking = scheduler.scheduleAtFixedRate(() -> emit(false), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Stops the ticks and emits the final snapshot. */
    public synchronized void finish() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        emit(true);
    }

    private synchronized void emit(boolean last) {
        try {
            listener.onProgress(tracker.snapshot(last));
        } catch (RuntimeException e) {
            // A broken listener must not stop the job.
            LOG.warn("Progress listener failed", e);
        }
    }
}
