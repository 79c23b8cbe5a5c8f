package dev.ringside.engine.count;

import dev.ringside.engine.RangeJobOptions;

import java.time.Duration;

/**
 * What to count.
 *
 * @param keyspace         keyspace name (exact, or unambiguous ignoring case)
 * @param table            table name (same rule)
 * @param options          splits, parallelism, consistency, timeouts
 * @param progressInterval how often progress snapshots are sent
 * @param topPartitions    how many of the partitions with the most rows to find (0: none). Finding them groups
 *                         each range's rows by partition, so the cluster reads the whole table either way but
 *                         sends one row per partition back
 */
public record CountRequest(String keyspace, String table, RangeJobOptions options, Duration progressInterval,
                           int topPartitions) {

    /** At most this many top partitions: they are kept in memory and shown in full. */
    public static final int MAX_TOP_PARTITIONS = 10_000;

    public CountRequest {
        if (topPartitions < 0 || topPartitions > MAX_TOP_PARTITIONS) {
            throw new IllegalArgumentException("The number of top partitions must be between 0 (none) and "
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_TOP_PARTITIONS) + " (got " + topPartitions
                    + "); 10 or 20 shows the hot spots.");
        }
    }

    public CountRequest(String keyspace, String table, RangeJobOptions options, Duration progressInterval) {
        this(keyspace, table, options, progressInterval, 0);
    }

    public CountRequest(String keyspace, String table, RangeJobOptions options) {
        this(keyspace, table, options, Duration.ofMillis(200));
    }

    public CountRequest withTopPartitions(int n) {
        return new CountRequest(keyspace, table, options, progressInterval, n);
    }
}
