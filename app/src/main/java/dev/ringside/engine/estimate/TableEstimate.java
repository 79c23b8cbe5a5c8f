package dev.ringside.engine.estimate;

/**
 * A table's size as Cassandra estimates it, summed over the nodes' own tables of estimates. Not a count: it covers
 * data flushed to disk only, each node refreshes it every few minutes (5 by default), and it counts partitions, not
 * rows.
 *
 * @param partitions    estimated partitions in the whole table, or -1 when no node has an estimate yet
 * @param bytes         estimated bytes of one replica of the data (partitions × mean partition size), or -1
 * @param nodesAsked    nodes asked (those the driver is connected to)
 * @param nodesAnswered nodes that answered
 * @param ringCovered   share of the token ring the answers covered, 0..1; the sums are scaled up to the whole ring
 *                      when it is below 1 (a node down, or another datacenter's nodes not reachable)
 */
public record TableEstimate(long partitions, long bytes, int nodesAsked, int nodesAnswered, double ringCovered) {

    public static final TableEstimate UNKNOWN = new TableEstimate(-1, -1, 0, 0, 0);

    public boolean known() {
        return partitions >= 0;
    }
}
