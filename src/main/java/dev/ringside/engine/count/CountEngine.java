package dev.ringside.engine.count;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringside.cluster.SchemaCatalog;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.JobException;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.plan.JobPlan;
import dev.ringside.engine.plan.RangeQueries;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.engine.run.RangeExecution;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Exact parallel count: one {@code SELECT count(*)} per range, at most {@code parallelism} in flight, each on a
 * replica. Ranges that keep timing out are halved; ranges that still fail make the result incomplete, never short.
 */
public final class CountEngine {

    private final CqlSession session;

    public CountEngine(CqlSession session) {
        this.session = session;
    }

    /** Plans the count and starts it; returns at once. */
    public JobHandle<CountResult> start(CountRequest request, ProgressListener listener)
            throws SchemaException, JobException {
        TableInfo table = new SchemaCatalog(session).table(request.keyspace(), request.table());
        RangeJobOptions options = request.options();
        JobPlan plan = JobPlan.of(session, table.keyspace(), options);
        PreparedStatement count = session.prepare(new RangeQueries(table).count());

        RangeExecution execution = new RangeExecution("ringside-count", plan.ranges(), plan.concurrency(), options.maxAttempts(),
                true, listener, request.progressInterval(), Set.of());
        CompletableFuture<CountResult> result = execution.start((piece, node) -> {
            long sent = System.nanoTime();
            return session.executeAsync(RangeQueries.bind(count, piece.part(), node, options)).thenAccept(rs -> {
                execution.recordLatency(System.nanoTime() - sent);
                Row row = rs.one();
                execution.tracker().addRows(piece.rangeId(), row == null ? 0 : row.getLong(0));
            });
        }).thenApply(outcome -> {
            execution.close();
            // With "auto", the parallelism it ended at.
            return new CountResult(table, outcome.rows(), outcome.ranges(), execution.parallelism(), outcome.elapsed(),
                    outcome.cancelled());
        });
        return execution.handle(result);
    }
}
