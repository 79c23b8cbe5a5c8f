package dev.ringside.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.JobException;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.plan.JobPlan;
import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.RangeQueries;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ceiling a benchmark compares against: the same token ranges read with the bare driver, async, paged, with the
 * same parallelism, each row's values touched as raw bytes and dropped. No progress, no retries, no sink: the fastest
 * this client can pull the table from this cluster.
 */
public final class RawScan {

    private final CqlSession session;

    public RawScan(CqlSession session) {
        this.session = session;
    }

    public Measurement run(TableInfo table, RangeJobOptions options, int pageSize) throws JobException, InterruptedException {
        JobPlan plan = JobPlan.of(session, table.keyspace(), options);
        List<PlannedRange> ranges = plan.ranges();
        int parallelism = plan.parallelism();
        RangeQueries queries = new RangeQueries(table);
        PreparedStatement select = session.prepare(queries.select(table.columns(), null));
        int columns = table.columns().size();

        Semaphore inFlight = new Semaphore(parallelism);
        AtomicLong rows = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (PlannedRange range : ranges) {
            inFlight.acquire();
            if (failure.get() != null) {
                break;
            }
            BoundStatement statement = RangeQueries.bind(select, range.range(), range.replicas().get(0), options)
                    .setPageSize(pageSize);
            CompletableFuture<Void> done = new CompletableFuture<>();
            session.executeAsync(statement).whenComplete((rs, e) -> page(rs, e, columns, rows, bytes, done));
            done.whenComplete((v, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(parallelism);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (failure.get() != null) {
            throw new JobException("The raw driver scan failed: " + failure.get().getMessage());
        }
        return new Measurement("raw driver (ceiling, best of 2)", rows.get(), bytes.get(), elapsed, parallelism, ranges.size());
    }

    private void page(AsyncResultSet rs, Throwable error, int columns, AtomicLong rows, AtomicLong bytes,
                      CompletableFuture<Void> done) {
        if (error != null) {
            done.completeExceptionally(error);
            return;
        }
        long n = 0;
        long size = 0;
        for (Row row : rs.currentPage()) {
            for (int i = 0; i < columns; i++) {
                java.nio.ByteBuffer value = row.getBytesUnsafe(i);
                size += value == null ? 0 : value.remaining();
            }
            n++;
        }
        rows.addAndGet(n);
        bytes.addAndGet(size);
        if (rs.hasMorePages()) {
            rs.fetchNextPage().whenComplete((next, e) -> page(next, e, columns, rows, bytes, done));
        } else {
            done.complete(null);
        }
    }
}
