package dev.ringside.engine.plan;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import dev.ringside.engine.JobException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the token ring and its replicas from the driver's metadata. */
public final class RingReader {

    private final CqlSession session;

    public RingReader(CqlSession session) {
        this.session = session;
    }

    /**
     * The ring's ranges for {@code keyspace}, unwrapped, with their replicas, clipped to
     * {@code (startToken, endToken]} when bounds are given.
     */
    public List<OwnedRange> ownedRanges(String keyspace, Long startToken, Long endToken) throws JobException {
        TokenMap tokenMap = tokenMap();
        if (!tokenMap.getPartitionerName().endsWith("Murmur3Partitioner")) {
            throw new JobException("This cluster uses " + tokenMap.getPartitionerName()
                    + "; Ringside supports only Murmur3Partitioner, Cassandra's default.");
        }
        CqlIdentifier ks = CqlIdentifier.fromInternal(keyspace);
        List<OwnedRange> owned = new ArrayList<>();
        for (com.datastax.oss.driver.api.core.metadata.token.TokenRange r : tokenMap.getTokenRanges()) {
            long start = Long.parseLong(tokenMap.format(r.getStart()));
            long end = Long.parseLong(tokenMap.format(r.getEnd()));
            List<Node> replicas = null;
            for (TokenRange part : TokenRange.ofRing(start, end)) {
                Optional<TokenRange> clipped = clip(part, startToken, endToken);
                if (clipped.isPresent()) {
                    replicas = replicas != null ? replicas : localReplicas(keyspace, tokenMap.getReplicas(ks, r));
                    owned.add(new OwnedRange(clipped.get(), replicas));
                }
            }
        }
        // Bounds that hold no row token (an end at the minimum token, say) leave nothing to read: the answer is 0 rows.
        return owned;
    }

    /**
     * The same ranges with their replicas as the ring is now, in the local datacenter: a resumed job's ranges come
     * from its checkpoint, and the ring may have changed since. A range never crosses a vnode boundary, so the
     * replicas of its end token are those of the whole range.
     */
    public List<PlannedRange> withCurrentReplicas(String keyspace, List<PlannedRange> ranges) throws JobException {
        TokenMap tokenMap = tokenMap();
        CqlIdentifier ks = CqlIdentifier.fromInternal(keyspace);
        List<PlannedRange> replanned = new ArrayList<>(ranges.size());
        for (PlannedRange r : ranges) {
            replanned.add(new PlannedRange(r.id(), r.range(), localReplicas(keyspace,
                    tokenMap.getReplicas(ks, tokenMap.parse(Long.toString(r.range().end()))))));
        }
        return replanned;
    }

    /**
     * The replicas the driver holds connections to: those of the local datacenter. A remote replica would cost every
     * request a failure and a backoff, or a cross-datacenter hop, so a range with no local replica is an error that
     * says what to do rather than a slow surprise.
     */
    private List<Node> localReplicas(String keyspace, Set<Node> replicas) throws JobException {
        List<Node> local = replicas.stream().filter(n -> n.getDistance() == NodeDistance.LOCAL).toList();
        if (local.isEmpty() && !replicas.isEmpty()) {
            String dcs = replicas.stream().map(Node::getDatacenter).distinct().sorted().collect(Collectors.joining(", "));
            throw new JobException("Keyspace " + keyspace + " has no replica in the local datacenter " + localDatacenter()
                    + " for some of its ranges; their replicas are in " + dcs + ". Connect with one of those as the local"
                    + " datacenter, or replicate the keyspace to " + localDatacenter() + ".");
        }
        return local;
    }

    private String localDatacenter() {
        return session.getMetadata().getNodes().values().stream().filter(n -> n.getDistance() == NodeDistance.LOCAL)
                .map(Node::getDatacenter).findFirst().orElse("(none)");
    }

    private TokenMap tokenMap() throws JobException {
        return session.getMetadata().getTokenMap().orElseThrow(() -> new JobException(
                "The driver has no token map for this cluster, so Ringside cannot split it into ranges. "
                        + "Do not disable token metadata in the driver configuration."));
    }

    /** Nodes of the local datacenter the driver currently sees as up (remote ones serve no range). */
    public int liveNodes() {
        return (int) session.getMetadata().getNodes().values().stream()
                .filter(n -> n.getState() == NodeState.UP && n.getDistance() == NodeDistance.LOCAL).count();
    }

    /** The part of {@code range} inside {@code (lower, upper]}; empty when they do not overlap. */
    static Optional<TokenRange> clip(TokenRange range, Long lower, Long upper) {
        long start = lower != null ? Math.max(lower, range.start()) : range.start();
        long end = upper != null ? Math.min(upper, range.end()) : range.end();
        return start < end ? Optional.of(TokenRange.of(start, end)) : Optional.empty();
    }
}
