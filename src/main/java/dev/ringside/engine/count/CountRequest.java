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
 */
public record CountRequest(String keyspace, String table, RangeJobOptions options, Duration progressInterval) {

    public CountRequest(String keyspace, String table, RangeJobOptions options) {
        this(keyspace, table, options, Duration.ofMillis(200));
    }
}
