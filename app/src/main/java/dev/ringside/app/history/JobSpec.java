package dev.ringside.app.history;

import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportRequest;

/**
 * What a past job ran: enough to show it, to run it again on the same cluster, and to word it as a command line.
 *
 * @param export  what an export wrote and how; {@code null} for a count
 * @param cluster the cluster it ran on; {@code null} in files written before it was kept, and in shared settings
 */
public record JobSpec(JobKind kind, String keyspace, String table, RangeOptionsEntry options, ExportEntry export,
                      ClusterEntry cluster) {

    public JobSpec(JobKind kind, String keyspace, String table, RangeOptionsEntry options, ExportEntry export) {
        this(kind, keyspace, table, options, export, null);
    }

    public static JobSpec count(String keyspace, String table, RangeJobOptions options) {
        return new JobSpec(JobKind.COUNT, keyspace, table, RangeOptionsEntry.of(options), null);
    }

    public static JobSpec export(ExportRequest request) {
        return new JobSpec(JobKind.EXPORT, request.keyspace(), request.table(), RangeOptionsEntry.of(request.options()),
                ExportEntry.of(request));
    }

    /** The same job, on this cluster. */
    public JobSpec withCluster(ClusterEntry value) {
        return new JobSpec(kind, keyspace, table, options, export, value);
    }

    /** {@code keyspace.table} for people. */
    public String tableName() {
        return keyspace + "." + table;
    }
}
