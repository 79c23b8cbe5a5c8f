package dev.ringside.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work inline on the caller's thread: view-model tests need no stage and no FX thread. */
public final class SyncTaskRunner implements TaskRunner {

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(value);
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }
}
