package dev.ringside.app.history;

import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.export.ExportRequest;

/**
 * What a past job ran: enough to show it and to run it again.
 *
 * @param export what an export wrote and how; {@code null} for a count
 */
public record JobSpec(JobKind kind, String keyspace, String table, RangeOptionsEntry options, ExportEntry export) {

    public static JobSpec count(String keyspace, String table, RangeJobOptions options) {
        return new JobSpec(JobKind.COUNT, keyspace, table, RangeOptionsEntry.of(options), null);
    }

    public static JobSpec export(ExportRequest request) {
        return new JobSpec(JobKind.EXPORT, request.keyspace(), request.table(), RangeOptionsEntry.of(request.options()),
                ExportEntry.of(request));
    }

    /** {@code keyspace.table} for people. */
    public String tableName() {
        return keyspace + "." + table;
    }
}
