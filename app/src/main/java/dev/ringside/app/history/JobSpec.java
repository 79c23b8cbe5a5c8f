package dev.ringside.app.history;

import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportRequest;

/**
 * What a past job ran: enough to show it, to run it again on the same cluster, and to word it as a command line.
 *
 * @param export        what an export wrote and how; {@code null} for a count
 * @param cluster       the cluster it ran on; {@code null} in files written before it was kept, and in shared settings
 * @param topPartitions how many of the partitions with the most rows a count also found; {@code null} (files written
 *                      before it was kept) or 0 for none
 */
public record JobSpec(JobKind kind, String keyspace, String table, RangeOptionsEntry options, ExportEntry export,
                      ClusterEntry cluster, Integer topPartitions) {

    public JobSpec(JobKind kind, String keyspace, String table, RangeOptionsEntry options, ExportEntry export) {
        this(kind, keyspace, table, options, export, null, null);
    }

    public static JobSpec count(String keyspace, String table, RangeJobOptions options) {
        return count(keyspace, table, options, 0);
    }

    /** A count that also finds the {@code topPartitions} partitions with the most rows (0 for none). */
    public static JobSpec count(String keyspace, String table, RangeJobOptions options, int topPartitions) {
        return new JobSpec(JobKind.COUNT, keyspace, table, RangeOptionsEntry.of(options), null, null,
                topPartitions > 0 ? topPartitions : null);
    }

    public static JobSpec export(ExportRequest request) {
        return new JobSpec(JobKind.EXPORT, request.keyspace(), request.table(), RangeOptionsEntry.of(request.options()),
                ExportEntry.of(request));
    }

    /** The same job, on this cluster. */
    public JobSpec withCluster(ClusterEntry value) {
        return new JobSpec(kind, keyspace, table, options, export, value, topPartitions);
    }

    /** The same export, written to {@code output} (a path, or a Hadoop URL for Spark). */
    public JobSpec withOutput(String output) {
        if (export == null) {
            throw new IllegalStateException("A count has no output");
        }
        ExportEntry e = export;
        return new JobSpec(kind, keyspace, table, options, new ExportEntry(e.format(), output, e.columns(), e.where(),
                e.files(), e.maxRowsPerSecond(), e.csv(), e.parquetCompression(), e.jsonlCompression(), e.shape(),
                e.pageSize(), e.parquetRowGroupBytes()), cluster, topPartitions);
    }

    /** The top partitions a count found, 0 for none (also for records from before they were kept). */
    public int topPartitionsOrNone() {
        return topPartitions == null ? 0 : topPartitions;
    }

    /** {@code keyspace.table} for people. */
    public String tableName() {
        return keyspace + "." + table;
    }
}
