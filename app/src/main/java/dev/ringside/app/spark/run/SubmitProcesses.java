package dev.ringside.app.spark.run;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processes one launch started: this JVM's children that appeared while {@code SparkLauncher} started
 * spark-submit (it starts the process before it returns). The launcher's handle forgets its process once the
 * application reports a final state, but a driver can hang after that (seen in CI: a cancelled job's main thread
 * parked in {@code DAGScheduler.runJob} after its SparkContext stopped), so Cancel ends these processes itself. They
 * are told apart by when they started, not by their command lines: Java reads only the first 4,096 characters of
 * one, and a Spark classpath is longer.
 *
 * @param started the children that appeared during the launch
 */
record SubmitProcesses(List<ProcessHandle> started) {

    /** The children of this JVM now, to compare after the launch. */
    static Set<Long> childrenNow() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** The children that were not there {@code before}. */
    static SubmitProcesses since(Set<Long> before) {
        return new SubmitProcesses(ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).toList());
    }

    /** Ends them and whatever they started; returns how many were still running. */
    int end() {
        int running = 0;
        for (ProcessHandle p : started) {
            if (p.isAlive()) {
                running++;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        return running;
    }
}
