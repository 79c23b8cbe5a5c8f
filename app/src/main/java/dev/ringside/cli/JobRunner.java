package dev.ringside.cli;

import dev.ringside.engine.run.JobHandle;

import java.util.concurrent.ExecutionException;

/**
 * Waits for a job in the foreground; Ctrl-C (the JVM's shutdown) cancels it and waits for it to stop cleanly, so
 * that partial output is tidied up before the process exits.
 */
public final class JobRunner {

    private JobRunner() {
    }

    public static <R> R await(JobHandle<R> handle) throws InterruptedException, ExecutionException {
        Thread hook = new Thread(() -> {
            handle.cancel();
            try {
                handle.result().get();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }, "ringside-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return handle.result().get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it cancels and waits
            }
        }
    }
}
