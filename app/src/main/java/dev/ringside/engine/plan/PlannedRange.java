package dev.ringside.engine.plan;

import com.datastax.oss.driver.api.core.metadata.Node;

import java.util.List;

/**
 * One unit of work: a token range that lies inside one vnode range, so one replica set owns all of it.
 *
 * @param id       position in the plan, 0-based, in token order
 * @param range    the tokens
 * @param replicas the nodes holding the range, in the driver's order
 */
public record PlannedRange(int id, TokenRange range, List<Node> replicas) {

    public PlannedRange {
        replicas = List.copyOf(replicas);
    }
}
