package dev.ringside.engine.run;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon thread factories for a job's own executors, named so that thread dumps say what they are. */
public final class JobThreads {

    private JobThreads() {
    }

    public static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One timer thread per job, for retries with backoff and progress ticks. */
    public static ScheduledExecutorService scheduler(String prefix) {
        return Executors.newSingleThreadScheduledExecutor(named(prefix));
    }
}
