package dev.ringside.engine;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.metadata.TokenMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        TokenMap tokenMap = session.getMetadata().getTokenMap().orElseThrow(() -> new JobException(
                "The driver has no token map for this cluster, so Ringside cannot split it into ranges. "
                        + "Do not disable token metadata in the driver configuration."));
        if (!tokenMap.getPartitionerName().endsWith("Murmur3Partitioner")) {
            throw new JobException("This cluster uses " + tokenMap.getPartitionerName()
                    + "; Ringside supports only Murmur3Partitioner, Cassandra's default.");
        }
        CqlIdentifier ks = CqlIdentifier.fromInternal(keyspace);
        List<OwnedRange> owned = new ArrayList<>();
        for (com.datastax.oss.driver.api.core.metadata.token.TokenRange r : tokenMap.getTokenRanges()) {
            Set<Node> replicas = tokenMap.getReplicas(ks, r);
            long start = Long.parseLong(tokenMap.format(r.getStart()));
            long end = Long.parseLong(tokenMap.format(r.getEnd()));
            for (TokenRange part : TokenRange.ofRing(start, end)) {
                clip(part, startToken, endToken).ifPresent(p -> owned.add(new OwnedRange(p, List.copyOf(replicas))));
            }
        }
        if (owned.isEmpty()) {
            throw new JobException("No token range left between --start-token and --end-token.");
        }
        return owned;
    }

    /** Nodes the driver currently sees as up. */
    public int liveNodes() {
        return (int) session.getMetadata().getNodes().values().stream().filter(n -> n.getState() == NodeState.UP).count();
    }

    /** The part of {@code range} inside {@code (lower, upper]}. */
    static java.util.Optional<TokenRange> clip(TokenRange range, Long lower, Long upper) {
        long start = range.start();
        boolean inclusive = range.startInclusive();
        if (lower != null && (inclusive ? lower >= start : lower > start)) {
            start = lower;
            inclusive = false;
        }
        long end = upper != null ? Math.min(upper, range.end()) : range.end();
        if (inclusive ? start > end : start >= end) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TokenRange(start, end, inclusive));
    }
}
