package dev.ringside.engine.plan;

import com.datastax.oss.driver.api.core.metadata.Node;

import java.util.List;

/** A range of the ring as the cluster owns it (one vnode, unwrapped) with its replicas. */
public record OwnedRange(TokenRange range, List<Node> replicas) {

    public OwnedRange {
        replicas = List.copyOf(replicas);
    }
}
