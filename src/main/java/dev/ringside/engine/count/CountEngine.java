package dev.ringside.engine.count;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringside.cluster.SchemaCatalog;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.JobException;
import dev.ringside.engine.JobHandle;
import dev.ringside.engine.PlannedRange;
import dev.ringside.engine.ProgressListener;
import dev.ringside.engine.RangeExecution;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.RangePlanner;
import dev.ringside.engine.RangeQueries;
import dev.ringside.engine.RingReader;

import java.util.List;
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
        RingReader ring = new RingReader(session);
        List<PlannedRange> plan = new RangePlanner().plan(
                ring.ownedRanges(table.keyspace(), options.startToken(), options.endToken()), options.splits());
        int parallelism = options.effectiveParallelism(plan.size(), ring.liveNodes());
        RangeQueries queries = new RangeQueries(table);
        PreparedStatement count = session.prepare(queries.count());

        RangeExecution execution = new RangeExecution("ringside-count", plan, parallelism, options.maxAttempts(),
                true, listener, request.progressInterval(), Set.of());
        CompletableFuture<CountResult> result = execution.start((piece, node) -> {
            BoundStatement statement = count.bind(piece.part().start(), piece.part().end())
                    .setConsistencyLevel(options.consistency())
                    .setTimeout(options.rangeTimeout())
                    .setNode(node)
                    .setIdempotent(true);
            return session.executeAsync(statement).thenAccept(rs -> {
                Row row = rs.one();
                execution.tracker().addRows(piece.rangeId(), row == null ? 0 : row.getLong(0));
            });
        }).thenApply(outcome -> {
            execution.close();
            return new CountResult(table, outcome.rows(), outcome.ranges(), parallelism, outcome.elapsed(),
                    outcome.cancelled());
        });
        return execution.handle(result);
    }
}
