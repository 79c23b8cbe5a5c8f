package dev.ringside.app.spark.run;

import java.util.List;

/**
 * The processes of one launch's spark-submit, found among this JVM's descendants by an argument only that launch
 * has (its split map's path). The launcher's handle forgets its process once the application reports a final state,
 * but a driver can hang after that (seen: a cancelled job's main thread parked in {@code DAGScheduler.runJob} for an
 * hour after its SparkContext stopped), so Cancel ends the processes themselves.
 */
final class SubmitProcesses {

    private SubmitProcesses() {
    }

    /** The live processes whose command line holds {@code marker}. */
    static List<ProcessHandle> of(String marker) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
    }

    /** Ends them and whatever they started; returns how many were still running. */
    static int end(String marker) {
        List<ProcessHandle> running = of(marker);
        for (ProcessHandle p : running) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return running.size();
    }
}
