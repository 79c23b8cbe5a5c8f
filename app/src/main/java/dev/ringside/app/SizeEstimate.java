package dev.ringside.app;

import dev.ringside.engine.RangeJobOptions;

/**
 * A table's size as Cassandra estimates it ({@code system.size_estimates} of every node, summed: each lists its own
 * primary ranges), refreshed every few minutes by each node, from flushed data only.
 *
 * @param partitions estimated partitions, or -1 when Cassandra has no estimate yet
 * @param bytes      estimated bytes on disk of one replica of the data, or -1
 */
public record SizeEstimate(long partitions, long bytes) {

    public static final SizeEstimate UNKNOWN = new SizeEstimate(-1, -1);

    public boolean known() {
        return partitions >= 0;
    }

    /**
     * Splits of about 32 MB each, at least 64 and at most the split count's limit (a table over 3 TB would
     * otherwise get ranges above 32 MB); 256 when the size is unknown.
     */
    public int suggestedSplits() {
        if (!known() || bytes <= 0) {
            return 256;
        }
        long splits = bytes / (32L * 1024 * 1024);
        return (int) Math.max(64, Math.min(RangeJobOptions.MAX_SPLITS, splits));
    }
}
