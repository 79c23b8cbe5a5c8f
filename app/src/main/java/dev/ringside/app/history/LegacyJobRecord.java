package dev.ringside.app.history;

import java.util.List;

/**
 * A job as the first {@code history.json} format kept it: one flat object per job, export fields null or 0 for a
 * count. Read only, and turned into a {@link JobRecord}.
 */
record LegacyJobRecord(String kind, String keyspace, String table, int splits, int parallelism, String consistency,
                       String startedAt, double seconds, long rows, double rowsPerSecond, String outcome, String detail,
                       String format, String output, List<String> columns, String where, int files,
                       long maxRowsPerSecond) {

    JobRecord toRecord() {
        boolean export = "export".equals(kind);
        RangeOptionsEntry options = new RangeOptionsEntry(splits, parallelism, consistency, 0, 0, null, null);
        ExportEntry sink = export ? new ExportEntry(format, output, columns, where, Math.max(1, files), maxRowsPerSecond,
                null, null) : null;
        JobState state = JobState.valueOf(outcome.toUpperCase(java.util.Locale.ROOT));
        return new JobRecord(new JobSpec(export ? JobKind.EXPORT : JobKind.COUNT, keyspace, table, options, sink),
                startedAt, new JobOutcome(state, rows, seconds, rowsPerSecond, detail));
    }
}
