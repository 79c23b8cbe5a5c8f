package dev.ringside.ui.common;

import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.progress.ProgressSnapshot;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Carries engine snapshots (background threads) to the UI thread, coalesced: at most one UI update is pending at a
 * time and it delivers the newest snapshot, so the UI never sees a queue of stale updates. The engine emits at most
 * every {@link #INTERVAL}, so the UI is updated at most a few times per second, never per row or page.
 */
public final class ProgressRelay implements ProgressListener {

    /** Progress interval requested from the engine: at most 4 UI updates per second. */
    public static final java.time.Duration INTERVAL = java.time.Duration.ofMillis(250);

    private final TaskRunner runner;
    private final Consumer<ProgressSnapshot> target;
    private final AtomicReference<ProgressSnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();

    public ProgressRelay(TaskRunner runner, Consumer<ProgressSnapshot> target) {
        this.runner = runner;
        this.target = target;
    }

    @Override
    public void onProgress(ProgressSnapshot snapshot) {
        latest.set(snapshot);
        if (pending.compareAndSet(false, true)) {
            runner.onUi(this::deliver);
        }
    }

    private void deliver() {
        pending.set(false);
        ProgressSnapshot s = latest.getAndSet(null);
        if (s != null) {
            target.accept(s);
        }
    }
}
