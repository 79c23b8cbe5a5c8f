package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.plan.RangeQueries;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.run.RangeExecution;
import dev.ringside.engine.run.RangePiece;
import dev.ringside.engine.run.RangeWork;
import dev.ringside.engine.run.Throttle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Reads one range page by page and hands each page to its file's writer, fetching the next page only once the writer
 * has taken this one (backpressure). Its {@link Cursor} remembers the paging state after the last page handed over,
 * so a retry, on any replica, goes on from there: no row lost or written twice.
 */
final class RangeReader implements RangeWork {

    private static final Logger LOG = LoggerFactory.getLogger(RangeReader.class);

    /** Where a range stands: the paging state after the last page handed to its writer. */
    static final class Cursor {
        volatile ByteBuffer pagingState;
        volatile long resumedRows;
        /** Rows of the range handed to its writer, resumed runs included. */
        volatile long handedRows;
        /** Rows still to leave out: the range is read again from its start and the file already holds them. */
        volatile long skip;
        /** Times the range was read again from its start after a rejected paging state. */
        volatile int restarts;
    }

    private static final int MAX_RESTARTS = 3;

    /** Whether Cassandra refused the paging state itself (corrupt, or from another version), not the query. */
    static boolean rejectsPagingState(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String m = e.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("paging state")) {
                return true;
            }
        }
        return false;
    }

    private final CqlSession session;
    private final RangeExecution execution;
    private final List<FileWriterWorker> workers;
    private final Map<Integer, Cursor> cursors;
    private final Throttle throttle;
    private final int pageSize;
    private final RangeJobOptions options;
    private final PreparedStatement select;
    private final RowBudget budget;

    RangeReader(CqlSession session, RangeExecution execution, List<FileWriterWorker> workers, Map<Integer, Cursor> cursors,
                Throttle throttle, int pageSize, RangeJobOptions options, PreparedStatement select, RowBudget budget) {
        this.budget = budget;
        this.session = session;
        this.execution = execution;
        this.workers = workers;
        this.cursors = cursors;
        this.throttle = throttle;
        this.pageSize = pageSize;
        this.options = options;
        this.select = select;
    }

    @Override
    public CompletionStage<?> run(RangePiece piece, Node coordinator) {
        Cursor cursor = cursors.get(piece.rangeId());
        FileWriterWorker worker = workers.get(piece.rangeId() % workers.size());
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (budget.spent()) {
            // The row limit is reached: this range is not needed (its file's checkpoint still says where it stands).
            done.complete(null);
            return done;
        }
        fetchFirst(piece, coordinator, cursor, worker, done);
        return done;
    }

    /** Fetches the range's next page from where its cursor stands: its paging state, or its start. */
    private void fetchFirst(RangePiece piece, Node coordinator, Cursor cursor, FileWriterWorker worker,
                            CompletableFuture<Void> done) {
        TokenRange part = piece.part();
        BoundStatement statement = RangeQueries.bind(select, part, coordinator, options).setPageSize(pageSize);
        ByteBuffer state = cursor.pagingState;
        if (state != null) {
            statement = statement.setPagingState(state.duplicate());
        }
        BoundStatement first = statement;
        Runnable fetch = () -> session.executeAsync(first)
                .whenComplete((rs, error) -> onPage(rs, error, piece, coordinator, cursor, worker, done));
        long wait = throttle.delay(System.nanoTime());
        if (wait > 0) {
            execution.scheduler().schedule(fetch, wait, TimeUnit.NANOSECONDS);
        } else {
            fetch.run();
        }
    }

    private void onPage(AsyncResultSet rs, Throwable error, RangePiece piece, Node coordinator, Cursor cursor,
                        FileWriterWorker worker, CompletableFuture<Void> done) {
        if (error != null) {
            if (cursor.pagingState != null && rejectsPagingState(error) && cursor.restarts < MAX_RESTARTS && !done.isDone()) {
                // A paging state Cassandra refuses would fail every retry and every resume: read the range
                // again from its start instead, leaving out the rows its file already holds.
                cursor.restarts++;
                LOG.warn("Cassandra rejected the paging state of range {} ({}); reading the range again from its start, "
                        + "leaving out the {} rows already written", piece.part(), error.getMessage(), cursor.handedRows);
                cursor.pagingState = null;
                cursor.skip = cursor.handedRows;
                fetchFirst(piece, coordinator, cursor, worker, done);
                return;
            }
            done.completeExceptionally(error);
            return;
        }
        if (done.isDone()) {
            return; // cancelled
        }
        ByteBuffer next = rs.hasMorePages() ? rs.getExecutionInfo().getPagingState() : null;
        int rows = rs.remaining();
        throttle.record(rows, System.nanoTime());
        int skip = (int) Math.min(cursor.skip, rows);
        long skipAfter = cursor.skip - skip;
        worker.submit(new Page(piece.rangeId(), rs, next, new CompletableFuture<>(), skip, skipAfter)).whenComplete((v, e) -> {
            if (e != null) {
                done.cancel(false); // the writer stopped: the job is ending
                return;
            }
            cursor.skip = skipAfter;
            cursor.handedRows += rows - skip;
            cursor.pagingState = next;
            if (next == null || budget.spent()) {
                done.complete(null);
                return;
            }
            if (done.isDone()) {
                return;
            }
            long wait = throttle.delay(System.nanoTime());
            Runnable fetch = () -> rs.fetchNextPage()
                    .whenComplete((r2, e2) -> onPage(r2, e2, piece, coordinator, cursor, worker, done));
            if (wait > 0) {
                execution.scheduler().schedule(fetch, wait, TimeUnit.NANOSECONDS);
            } else {
                fetch.run();
            }
        });
    }
}
