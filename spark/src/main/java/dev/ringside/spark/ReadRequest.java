package dev.ringside.spark;

import java.util.List;

/**
 * What to read, with the CLI's option meanings: {@code columns} empty for all, {@code where} a CQL condition or
 * null, {@code splits} the number of token-range splits (Spark partitions; null for the connector's size-based
 * default), {@code parallelism} the most reads in flight (null: one per core), {@code maxRowsPerSecond} 0 for no
 * throttle.
 */
public record ReadRequest(String keyspace, String table, List<String> columns, String where, Integer splits,
                          Integer parallelism, long maxRowsPerSecond, String consistency, int pageSize,
                          CassandraConnection connection) {

    public static final int DEFAULT_PAGE_SIZE = 5000;

    public ReadRequest {
        columns = List.copyOf(columns);
        if (splits != null && (splits < 1 || splits > 100_000)) {
            throw new JobInputException("--splits must be between 1 and 100000, not " + splits);
        }
        if (parallelism != null && parallelism < 1) {
            throw new JobInputException("--parallelism must be at least 1, not " + parallelism);
        }
        if (maxRowsPerSecond < 0) {
            throw new JobInputException("--max-rows-per-second must be 0 (no limit) or more, not " + maxRowsPerSecond);
        }
        if (pageSize < 1) {
            throw new JobInputException("--page-size must be at least 1, not " + pageSize);
        }
    }
}
