package dev.ringside.engine.estimate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringside.cluster.SchemaCatalog;
import dev.ringside.cluster.SchemaException;
import dev.ringside.cluster.TableInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

/**
 * Reads {@code system.size_estimates} on every node the driver is connected to. That table is local: each node
 * lists its own primary ranges with their partition count and mean partition size, so the sum over the nodes covers
 * the ring once. Answers in about a second; it never scans the table.
 */
public final class SizeEstimator {

    private static final Logger LOG = LoggerFactory.getLogger(SizeEstimator.class);
    private static final String QUERY = "SELECT range_start, range_end, partitions_count, mean_partition_size "
            + "FROM system.size_estimates WHERE keyspace_name = ? AND table_name = ?";
    private static final double RING = Math.pow(2, 64);

    private final CqlSession session;
    private final Duration timeout;

    public SizeEstimator(CqlSession session) {
        this(session, Duration.ofSeconds(5));
    }

    public SizeEstimator(CqlSession session, Duration timeout) {
        this.session = session;
        this.timeout = timeout;
    }

    public TableEstimate estimate(String keyspace, String table) throws SchemaException {
        TableInfo info = new SchemaCatalog(session).table(keyspace, table);
        List<Node> nodes = session.getMetadata().getNodes().values().stream()
                .filter(n -> n.getDistance() != NodeDistance.IGNORED && n.getState() != NodeState.FORCED_DOWN)
                .toList();
        long partitions = 0;
        double bytes = 0;
        double tokens = 0;
        int answered = 0;
        boolean any = false;
        for (Node node : nodes) {
            try {
                for (Row r : session.execute(SimpleStatement.newInstance(QUERY, info.keyspace(), info.table())
                        .setNode(node).setTimeout(timeout))) {
                    long count = r.getLong("partitions_count");
                    partitions += count;
                    bytes += (double) count * r.getLong("mean_partition_size");
                    tokens += span(r.getString("range_start"), r.getString("range_end"));
                    any = true;
                }
                answered++;
            } catch (RuntimeException e) {
                // One node's estimate missing leaves a smaller share of the ring covered, which is scaled below.
                LOG.warn("No size estimate from {} for {}: {}", node.getEndPoint(), info.displayName(), e.toString());
            }
        }
        if (!any || partitions == 0) {
            return new TableEstimate(-1, -1, nodes.size(), answered, 0); // nothing flushed yet, or every node failed
        }
        double covered = Math.min(1.0, tokens / RING);
        double scale = covered > 0 ? 1 / covered : 1;
        return new TableEstimate(Math.round(partitions * scale), Math.round(bytes * scale), nodes.size(), answered, covered);
    }

    /** Tokens in {@code (start, end]}, a range that may wrap past the maximum token ({@code start >= end}). */
    static double span(String start, String end) {
        BigInteger s = new BigInteger(start);
        BigInteger e = new BigInteger(end);
        BigInteger d = e.subtract(s);
        if (d.signum() <= 0) {
            d = d.add(BigInteger.ONE.shiftLeft(64));
        }
        return d.doubleValue();
    }
}
