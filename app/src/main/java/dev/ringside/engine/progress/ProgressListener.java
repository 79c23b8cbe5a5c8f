package dev.ringside.engine.progress;

/** Receives progress snapshots. Called from a background thread, never concurrently for one job. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = snapshot -> { };

    void onProgress(ProgressSnapshot snapshot);
}
