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
 * Reads one range page by page and hands each page to its file's writer. The next page is requested as soon as a
 * page arrives (prefetch), but only while at most {@link #PAGES_AHEAD} pages of the range wait for their writer, so
 * memory stays bounded by the pages in flight. Its {@link Cursor} remembers the paging state after the last page
 * the writer took, so a retry, on any replica, goes on from there: no row lost or written twice.
 */
final class RangeReader implements RangeWork {

    private static final Logger LOG = LoggerFactory.getLogger(RangeReader.class);

    /**
     * Pages of one range handed to its writer but not yet taken, at most. Two let the next page travel while the
     * writer is busy with other ranges' pages; the writers' queues are sized from it.
     */
    static final int PAGES_AHEAD = 2;

    /** Where a range stands: the paging state after the last page its writer took. */
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
    private final List<? extends PageSink> workers;
    private final Map<Integer, Cursor> cursors;
    private final Throttle throttle;
    private final int pageSize;
    private final RangeJobOptions options;
    private final PreparedStatement select;
    private final RowBudget budget;

    RangeReader(CqlSession session, RangeExecution execution, List<? extends PageSink> workers, Map<Integer, Cursor> cursors,
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
        if (budget.spent()) {
            // The row limit is reached: this range is not needed (its file's checkpoint still says where it stands).
            return CompletableFuture.completedFuture(null);
        }
        Attempt attempt = new Attempt(piece, coordinator, cursors.get(piece.rangeId()),
                workers.get(piece.rangeId() % workers.size()));
        attempt.fetchFirst();
        return attempt.done;
    }

    /**
     * One attempt at a range: a chain of pages, each handed to the writer in order. Pages arrive one at a time (a
     * page is requested only after the previous one arrived), so the chain's fields are touched by one callback at
     * a time; the taken futures complete in order on the writer's thread and only move the cursor.
     */
    private final class Attempt {
        final RangePiece piece;
        final Node coordinator;
        final Cursor cursor;
        final PageSink worker;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        /** Rows still to leave out at the next page that arrives (the cursor's skip moves only when pages are taken). */
        long skipAhead;
        /** Taken futures of the pages handed over, the last {@link #PAGES_AHEAD} of them, oldest first. */
        final CompletableFuture<?>[] handed = new CompletableFuture<?>[PAGES_AHEAD];
        int handedCount;

        Attempt(RangePiece piece, Node coordinator, Cursor cursor, PageSink worker) {
            this.piece = piece;
            this.coordinator = coordinator;
            this.cursor = cursor;
            this.worker = worker;
            this.skipAhead = cursor.skip;
        }

        /** Fetches the range's next page from where its cursor stands: its paging state, or its start. */
        void fetchFirst() {
            TokenRange part = piece.part();
            BoundStatement statement = RangeQueries.bind(select, part, coordinator, options).setPageSize(pageSize);
            ByteBuffer state = cursor.pagingState;
            if (state != null) {
                statement = statement.setPagingState(state.duplicate());
            }
            BoundStatement first = statement;
            throttled(() -> {
                long sent = System.nanoTime();
                session.executeAsync(first).whenComplete((rs, e) -> onPage(rs, e, sent));
            });
        }

        private void throttled(Runnable fetch) {
            long wait = throttle.delay(System.nanoTime());
            if (wait > 0) {
                execution.scheduler().schedule(fetch, wait, TimeUnit.NANOSECONDS);
            } else {
                fetch.run();
            }
        }

        private void onPage(AsyncResultSet rs, Throwable error, long sentNanos) {
            if (error == null) {
                execution.recordLatency(System.nanoTime() - sentNanos);
            }
            if (error != null) {
                // Pages already handed over move the cursor when taken: only once they are can a retry or a
                // restart tell where the range stands.
                CompletableFuture.allOf(pending()).whenComplete((v, e) -> {
                    if (e != null) {
                        done.cancel(false); // the writer stopped: the job is ending
                    } else {
                        failed(error);
                    }
                });
                return;
            }
            if (done.isDone()) {
                return; // cancelled
            }
            ByteBuffer next = rs.hasMorePages() ? rs.getExecutionInfo().getPagingState() : null;
            int rows = rs.remaining();
            throttle.record(rows, System.nanoTime());
            int skip = (int) Math.min(skipAhead, rows);
            long skipAfter = skipAhead - skip;
            skipAhead = skipAfter;
            CompletableFuture<Void> taken = worker.submit(new Page(piece.rangeId(), rs, next, new CompletableFuture<>(),
                    skip, skipAfter));
            // Completes on the writer's thread, in page order: the cursor always names the last page taken.
            CompletableFuture<Void> moved = taken.thenRun(() -> {
                cursor.skip = skipAfter;
                cursor.handedRows += rows - skip;
                cursor.pagingState = next;
            });
            moved.whenComplete((v, e) -> {
                if (e != null) {
                    done.cancel(false); // the writer stopped: the job is ending
                } else if (next == null || budget.spent()) {
                    done.complete(null);
                }
            });
            CompletableFuture<?> oldest = remember(moved);
            if (next == null) {
                return;
            }
            // Prefetch: ask for the next page now, unless PAGES_AHEAD pages already wait; then once the oldest
            // of them is taken.
            CompletableFuture<?> room = oldest == null ? CompletableFuture.completedFuture(null) : oldest;
            room.whenComplete((v, e) -> {
                if (e == null && !done.isDone() && budget.spent()) {
                    // The row limit was reached since: no more pages; done once those handed over are taken.
                    CompletableFuture.allOf(pending()).whenComplete((v2, e2) -> {
                        if (e2 != null) {
                            done.cancel(false);
                        } else {
                            done.complete(null);
                        }
                    });
                } else if (e == null && !done.isDone()) {
                    throttled(() -> {
                        long sent = System.nanoTime();
                        rs.fetchNextPage().whenComplete((r2, e2) -> onPage(r2, e2, sent));
                    });
                }
            });
        }

        /**
         * Records a page handed over; returns the page that must be taken before the next fetch, or {@code null}
         * when fewer than {@link #PAGES_AHEAD} pages are handed over.
         */
        private CompletableFuture<?> remember(CompletableFuture<?> moved) {
            CompletableFuture<?> oldest = null;
            if (handedCount == PAGES_AHEAD) {
                System.arraycopy(handed, 1, handed, 0, PAGES_AHEAD - 1);
                handedCount--;
            }
            handed[handedCount++] = moved;
            if (handedCount == PAGES_AHEAD) {
                oldest = handed[0];
            }
            return oldest;
        }

        private CompletableFuture<?>[] pending() {
            CompletableFuture<?>[] copy = new CompletableFuture<?>[handedCount];
            System.arraycopy(handed, 0, copy, 0, handedCount);
            return copy;
        }

        private void failed(Throwable error) {
            if (cursor.pagingState != null && rejectsPagingState(error) && cursor.restarts < MAX_RESTARTS && !done.isDone()) {
                // A paging state Cassandra refuses would fail every retry and every resume: read the range
                // again from its start instead, leaving out the rows its file already holds.
                cursor.restarts++;
                LOG.warn("Cassandra rejected the paging state of range {} ({}); reading the range again from its start, "
                        + "leaving out the {} rows already written", piece.part(), error.getMessage(), cursor.handedRows);
                cursor.pagingState = null;
                cursor.skip = cursor.handedRows;
                skipAhead = cursor.skip;
                handedCount = 0;
                fetchFirst();
                return;
            }
            done.completeExceptionally(error);
        }
    }
}
