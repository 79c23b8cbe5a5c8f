package dev.ringside.engine.count;

import java.util.List;

/**
 * One of the partitions with the most rows.
 *
 * @param key      the partition key's values as CQL literals, in key order
 * @param token    the partition's Murmur3 token
 * @param rows     rows in the partition
 * @param replicas the nodes that own it (every datacenter), sorted; empty until the job has looked them up
 */
public record HotPartition(List<String> key, long token, long rows, List<String> replicas) {

    public HotPartition {
        key = List.copyOf(key);
        replicas = List.copyOf(replicas);
    }

    public HotPartition withReplicas(List<String> owners) {
        return new HotPartition(key, token, rows, owners);
    }
}
