package dev.ringside.engine.count;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import dev.ringside.cluster.SchemaCatalog;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.JobException;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.plan.JobPlan;
import dev.ringside.engine.plan.Nodes;
import dev.ringside.engine.plan.RangeQueries;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.run.JobHandle;
import dev.ringside.engine.run.RangeExecution;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Exact parallel count: one {@code SELECT count(*)} per range, at most {@code parallelism} in flight, each on a
 * replica. Ranges that keep timing out are halved; ranges that still fail make the result incomplete, never short.
 * Asked for top partitions, each range is counted per partition instead ({@code GROUP BY} the partition key), which
 * gives the same exact total and the partitions with the most rows.
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
        RangeQueries queries = new RangeQueries(table);
        boolean grouped = request.topPartitions() > 0;
        PreparedStatement count = session.prepare(grouped ? queries.countByPartition() : queries.count());

        RangeExecution execution = new RangeExecution("ringside-count", plan.ranges(), plan.concurrency(), options.maxAttempts(),
                true, listener, request.progressInterval(), Set.of());
        TopPartitions top = grouped ? new TopPartitions(request.topPartitions()) : null;
        CompletableFuture<CountResult> result = execution.start((piece, node) -> {
            long sent = System.nanoTime();
            CompletionStage<AsyncResultSet> first = session.executeAsync(RangeQueries.bind(count, piece.part(), node, options))
                    .thenApply(rs -> {
                        execution.recordLatency(System.nanoTime() - sent);
                        return rs;
                    });
            if (!grouped) {
                return first.thenAccept(rs -> {
                    Row row = rs.one();
                    execution.tracker().addRows(piece.rangeId(), row == null ? 0 : row.getLong(0));
                });
            }
            // Rows and partitions reach the job only when the whole piece is read, so a retry starts clean.
            PieceTally tally = new PieceTally(request.topPartitions(), table.partitionKey().size());
            return first.thenCompose(tally::drain).thenAccept(v -> {
                execution.tracker().addRows(piece.rangeId(), tally.rows);
                top.mergeFrom(tally.top);
            });
        }).thenApply(outcome -> {
            execution.close();
            List<HotPartition> hot = top == null ? List.of() : withOwners(table, top.sorted());
            // With "auto", the parallelism it ended at.
            return new CountResult(table, outcome.rows(), outcome.ranges(), execution.parallelism(), outcome.elapsed(),
                    outcome.cancelled(), hot);
        });
        return execution.handle(result);
    }

    /** The nodes owning each partition, in every datacenter, as the ring is now. */
    private List<HotPartition> withOwners(TableInfo table, List<HotPartition> partitions) {
        TokenMap tokens = session.getMetadata().getTokenMap().orElse(null);
        if (tokens == null) {
            return partitions;
        }
        CqlIdentifier ks = CqlIdentifier.fromInternal(table.keyspace());
        List<HotPartition> owned = new ArrayList<>(partitions.size());
        for (HotPartition p : partitions) {
            Token token = tokens.parse(Long.toString(p.token()));
            owned.add(p.withReplicas(tokens.getReplicas(ks, token).stream().map(Nodes::label).sorted().toList()));
        }
        return owned;
    }

    /** One piece's rows and top partitions, page by page. */
    private final class PieceTally {
        final TopPartitions top;
        final int keyColumns;
        long rows;

        PieceTally(int limit, int keyColumns) {
            this.top = new TopPartitions(limit);
            this.keyColumns = keyColumns;
        }

        CompletionStage<Void> drain(AsyncResultSet page) {
            for (Row row : page.currentPage()) {
                long n = row.getLong(keyColumns);
                rows += n;
                long token = token(row);
                top.offer(n, token, () -> new HotPartition(key(row), token, n, List.of()));
            }
            return page.hasMorePages() ? page.fetchNextPage().thenCompose(this::drain) : CompletableFuture.completedFuture(null);
        }

        private long token(Row row) {
            TokenMap tokens = session.getMetadata().getTokenMap().orElseThrow();
            ByteBuffer[] parts = new ByteBuffer[keyColumns];
            for (int i = 0; i < keyColumns; i++) {
                parts[i] = row.getBytesUnsafe(i);
            }
            return Long.parseLong(tokens.format(tokens.newToken(parts)));
        }

        private List<String> key(Row row) {
            List<String> values = new ArrayList<>(keyColumns);
            for (int i = 0; i < keyColumns; i++) {
                TypeCodec<Object> codec = row.codecRegistry().codecFor(row.getColumnDefinitions().get(i).getType());
                values.add(codec.format(row.get(i, codec)));
            }
            return values;
        }
    }
}
