package dev.ringside.ui.jobs;

import java.util.List;

/**
 * One past count or export, as kept in {@code history.json}: enough to show the outcome and to run it again.
 *
 * @param kind      "count" or "export"
 * @param startedAt ISO-8601 instant
 * @param outcome   "complete", "incomplete", "cancelled" or "failed"
 * @param detail    a line for the user: the count, the failed ranges, the error
 */
public record JobRecord(String kind, String keyspace, String table, int splits, int parallelism, String consistency,
                        String startedAt, double seconds, long rows, double rowsPerSecond, String outcome, String detail,
                        String format, String output, List<String> columns, String where, int files,
                        long maxRowsPerSecond) {

    public JobRecord {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public boolean isExport() {
        return "export".equals(kind);
    }
}
