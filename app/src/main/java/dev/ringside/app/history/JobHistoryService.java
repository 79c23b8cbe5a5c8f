package dev.ringside.app.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the job history on disk without blocking the screens: {@link #save} hands a copy of the list to one writer
 * thread, so saves land in the order they were made and the caller never waits for the disk.
 */
public final class JobHistoryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobHistoryService.class);
    /** Jobs kept: the newest ones. */
    public static final int LIMIT = 500;

    private final JobHistoryFile file;
    private final Executor writer;

    /** @param writer runs the writes in order; a single thread in the app, the caller's thread in tests */
    public JobHistoryService(JobHistoryFile file, Executor writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Writes on the caller's thread: for tests, which read the file back at once. */
    public static JobHistoryService inline(JobHistoryFile file) {
        return new JobHistoryService(file, Runnable::run);
    }

    /** Writes on a daemon thread of its own. */
    public static JobHistoryService inBackground(JobHistoryFile file) {
        return new JobHistoryService(file, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ringside-history-writer");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Reads the history (blocking; at start-up). */
    public List<JobRecord> load() {
        return file.read();
    }

    /** Saves these jobs, newest first, later and off the caller's thread; a failed write is logged. */
    public void save(List<JobRecord> records) {
        List<JobRecord> copy = List.copyOf(records.subList(0, Math.min(LIMIT, records.size())));
        writer.execute(() -> {
            try {
                file.write(copy);
            } catch (IOException e) {
                LOG.warn("Could not save the job history to {}: {}", file.path(), e.getMessage());
            }
        });
    }

    /** Finishes the writes already asked for (a few seconds at most), then stops the writer. */
    @Override
    public void close() {
        if (!(writer instanceof ExecutorService pool)) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The job history was still being written after 5 s; the last job may be missing from it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
