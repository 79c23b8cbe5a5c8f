package dev.ringside.app.sample;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.app.TableRef;
import dev.ringside.cluster.ConnectionSettings;
import dev.ringside.cluster.SessionFactory;
import dev.ringside.sandbox.SampleData;
import dev.ringside.sandbox.SampleRowsRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The demo's sample rows, loaded on a thread of their own while the window is already open. The schema exists
 * before (the demo creates it before the window opens); this only writes rows, and records a complete load in the
 * sandbox folder so that the next demo skips it. {@link #close} stops a load that is still running.
 */
public final class SampleLoad implements AutoCloseable {

    /** Rows between two progress reports: often enough for a progress line, rarely enough to cost nothing. */
    static final int STEP = 2_000;
    private static final long SEED = 42;
    private static final Logger LOG = LoggerFactory.getLogger(SampleLoad.class);

    private final ConnectionSettings settings;
    private final Path sandboxDir;
    private final long rows;
    private Thread thread;

    /**
     * @param settings   how to reach the sandbox
     * @param sandboxDir the sandbox's folder, where a complete load is recorded
     * @param rows       the sample rows the table should hold
     */
    public SampleLoad(ConnectionSettings settings, Path sandboxDir, long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("The sample rows must be 0 or more (got " + rows + ").");
        }
        this.settings = settings;
        this.sandboxDir = sandboxDir;
        this.rows = rows;
    }

    public static TableRef table() {
        return new TableRef(SampleData.KEYSPACE, SampleData.TABLE);
    }

    /**
     * Starts the load in the background.
     *
     * @param progress told each step, on the load's thread: first 0 of the total, then the rows written, then done
     *                 or the failure
     */
    public synchronized void start(Consumer<TableLoad> progress) {
        if (thread != null) {
            throw new IllegalStateException("The sample load has already started.");
        }
        thread = new Thread(() -> run(progress), "sample-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Consumer<TableLoad> progress) {
        TableLoad state = TableLoad.started(table(), rows);
        SampleRowsRecord record = new SampleRowsRecord(sandboxDir);
        if (!record.needs(rows)) {
            progress.accept(state.done());
            return;
        }
        progress.accept(state);
        long start = System.nanoTime();
        try (CqlSession session = new SessionFactory().open(settings)) {
            // The last count comes once every row is written; "done" waits for the record, so it is not passed on.
            new SampleData(session).load(rows, SEED, STEP, n -> {
                if (n < rows) {
                    progress.accept(state.at(n));
                }
            });
            record.completed(rows);
            LOG.info("Loaded {} sample rows in the background in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
            progress.accept(state.done());
        } catch (InterruptedException e) {
            LOG.info("Sample load stopped before it completed; the next demo loads again");
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Sample load failed", e);
            progress.accept(state.failed(e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    /** Stops a running load and waits a moment for its writes in flight to end (a stopped load leaves no record). */
    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
