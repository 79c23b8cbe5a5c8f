package dev.ringside.spark;

import org.apache.spark.Partition;
import org.apache.spark.rdd.PartitionCoalescer;
import org.apache.spark.rdd.PartitionGroup;
import org.apache.spark.rdd.RDD;
import scala.Option;

import java.io.Serializable;

/**
 * Exactly min(P, splits) groups of splits, round robin. Spark's default coalescer follows the splits' preferred
 * replicas and can make more groups than asked for (seen: 4 for 3), which would break --parallelism's cap.
 */
final class EvenCoalescer implements PartitionCoalescer, Serializable {

    @Override
    public PartitionGroup[] coalesce(int maxPartitions, RDD<?> parent) {
        Partition[] splits = parent.partitions();
        int groups = Math.max(1, Math.min(maxPartitions, splits.length));
        PartitionGroup[] out = new PartitionGroup[groups];
        for (int g = 0; g < groups; g++) {
            out[g] = new PartitionGroup(Option.empty());
        }
        for (int i = 0; i < splits.length; i++) {
            out[groupOf(i, groups)].partitions().$plus$eq(splits[i]);
        }
        return out;
    }

    /** The group (the write task's index) of split {@code split}: task g reads splits g, g + groups, g + 2 groups ... */
    static int groupOf(int split, int groups) {
        return split % groups;
    }
}
