package dev.ringside.ui.connect;

import dev.ringside.ui.common.SyncTaskRunner;
import dev.ringside.ui.common.TaskRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds background work until the test runs it, in the order the test chooses: the test's thread stands for the UI
 * thread, and nothing queued touches the disk or the network until {@link #runAll} or {@link #run(int)}.
 */
final class DeferredTaskRunner implements TaskRunner {

    private record Job(String name, Runnable work) {
    }

    private final List<Job> queued = new ArrayList<>();

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        queued.add(new Job(name, () -> new SyncTaskRunner().run(name, work, onSuccess, onFailure)));
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    /** The names of the jobs waiting, oldest first. */
    List<String> waiting() {
        return queued.stream().map(Job::name).toList();
    }

    /** Runs the job at {@code index} among those waiting, and its callback. */
    void run(int index) {
        queued.remove(index).work().run();
    }

    /** Runs every job waiting, oldest first, including those their callbacks queue. */
    void runAll() {
        while (!queued.isEmpty()) {
            run(0);
        }
    }
}
