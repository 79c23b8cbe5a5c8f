package dev.ringside.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where view-models run their work: off the UI thread in the app ({@link FxTaskRunner}, a JavaFX {@code Task}),
 * inline in view-model tests ({@link SyncTaskRunner}). Callbacks always arrive on the UI thread.
 */
public interface TaskRunner {

    /** Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (later, or now when already on it in tests). */
    void onUi(Runnable action);
}
