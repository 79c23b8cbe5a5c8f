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

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ceilings a benchmark compares against: the same token ranges read with the bare driver, async, with the same
 * parallelism and no progress, retries or sink. {@link #scan} pages through every row and touches each value as raw
 * bytes before dropping it: the fastest this client can pull the table. {@link #count} sends one {@code count(*)}
 * per range: the fastest a server-side count can be.
 */
public final class RawScan {

    private final CqlSession session;

    public RawScan(CqlSession session) {
        this.session = session;
    }

    public Measurement scan(TableInfo table, RangeJobOptions options, int pageSize) throws JobException, InterruptedException {
        int columns = table.columns().size();
        return run("raw driver scan", table, options, new RangeQuery() {
            @Override
            public String cql(RangeQueries queries) {
                return queries.select(table.columns(), null);
            }

            @Override
            public void page(AsyncResultSet rs, Tally tally) {
                long size = 0;
                long n = 0;
                for (Row row : rs.currentPage()) {
                    for (int i = 0; i < columns; i++) {
                        ByteBuffer value = row.getBytesUnsafe(i);
                        size += value == null ? 0 : value.remaining();
                    }
                    n++;
                }
                tally.rows.addAndGet(n);
                tally.bytes.addAndGet(size);
            }
        }, pageSize);
    }

    public Measurement count(TableInfo table, RangeJobOptions options) throws JobException, InterruptedException {
        return run("raw driver count(*)", table, options, new RangeQuery() {
            @Override
            public String cql(RangeQueries queries) {
                return queries.count();
            }

            @Override
            public void page(AsyncResultSet rs, Tally tally) {
                tally.rows.addAndGet(rs.one().getLong(0));
            }
        }, 0);
    }

    /** What one kind of raw run asks of a range, and what it does with each page of the answer. */
    private interface RangeQuery {
        String cql(RangeQueries queries);

        void page(AsyncResultSet rs, Tally tally);
    }

    private record Tally(AtomicLong rows, AtomicLong bytes) {
    }

    private Measurement run(String name, TableInfo table, RangeJobOptions options, RangeQuery query, int pageSize)
            throws JobException, InterruptedException {
        JobPlan plan = JobPlan.of(session, table.keyspace(), options);
        List<PlannedRange> ranges = plan.ranges();
        int parallelism = plan.parallelism();
        PreparedStatement prepared = session.prepare(query.cql(new RangeQueries(table)));
        Semaphore inFlight = new Semaphore(parallelism);
        Tally tally = new Tally(new AtomicLong(), new AtomicLong());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (PlannedRange range : ranges) {
            inFlight.acquire();
            if (failure.get() != null) {
                break;
            }
            BoundStatement statement = RangeQueries.bind(prepared, range.range(), range.replicas().get(0), options);
            if (pageSize > 0) {
                statement = statement.setPageSize(pageSize);
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            session.executeAsync(statement).whenComplete((rs, e) -> page(rs, e, query, tally, done));
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
            throw new JobException("The " + name + " failed: " + failure.get().getMessage());
        }
        return new Measurement(name, tally.rows().get(), tally.bytes().get(), elapsed, parallelism, ranges.size());
    }

    private static void page(AsyncResultSet rs, Throwable error, RangeQuery query, Tally tally, CompletableFuture<Void> done) {
        if (error != null) {
            done.completeExceptionally(error);
            return;
        }
        try {
            query.page(rs, tally);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        if (rs.hasMorePages()) {
            rs.fetchNextPage().whenComplete((next, e) -> page(next, e, query, tally, done));
        } else {
            done.complete(null);
        }
    }
}
