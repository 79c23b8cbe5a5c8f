package dev.ringside.spark;

import com.datastax.spark.connector.rdd.CassandraTableScanRDD;
import com.datastax.spark.connector.rdd.partitioner.CassandraPartition;
import com.datastax.spark.connector.rdd.partitioner.CqlTokenRange;
import com.datastax.spark.connector.rdd.partitioner.dht.LongToken;
import org.apache.spark.Partition;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;

/**
 * The token ranges each task of the reading stage reads: {@code tasks.get(i)} for the task of index i, as Spark's
 * REST API numbers a stage's tasks. Empty for a partitioner whose tokens are not Murmur3's longs.
 *
 * @param partitioner the cluster's partitioner's simple class name, e.g. {@code Murmur3Partitioner}
 */
public record TaskRanges(String partitioner, List<List<TokenSpan>> tasks) {

    static final String MURMUR3 = "Murmur3Partitioner";

    public TaskRanges {
        tasks = tasks.stream().map(List::copyOf).toList();
    }

    /** One task per split of the connector's scan, as it planned them (its partitions, cached by Spark). */
    static TaskRanges of(CassandraTableScanRDD<?> scan) {
        String className = scan.cassandraPartitionerClassName();
        String partitioner = className.substring(className.lastIndexOf('.') + 1);
        if (!partitioner.equals(MURMUR3)) {
            return new TaskRanges(partitioner, List.of());
        }
        List<List<TokenSpan>> tasks = new ArrayList<>();
        for (Partition p : scan.partitions()) {
            List<TokenSpan> spans = new ArrayList<>();
            for (CqlTokenRange<?, ?> r : CollectionConverters.asJava(((CassandraPartition<?, ?>) p).tokenRanges())) {
                if (!(r.range().start() instanceof LongToken start) || !(r.range().end() instanceof LongToken end)) {
                    return new TaskRanges(partitioner, List.of());
                }
                spans.add(TokenSpan.ofConnector(start.value(), end.value()));
            }
            tasks.add(spans);
        }
        return new TaskRanges(partitioner, tasks);
    }

    /** The splits grouped into {@code groups} tasks as {@link EvenCoalescer} groups them (the same when equal). */
    TaskRanges grouped(int groups) {
        if (tasks.isEmpty() || groups >= tasks.size()) {
            return this;
        }
        List<List<TokenSpan>> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            out.add(new ArrayList<>());
        }
        for (int split = 0; split < tasks.size(); split++) {
            out.get(EvenCoalescer.groupOf(split, groups)).addAll(tasks.get(split));
        }
        return new TaskRanges(partitioner, out);
    }
}
