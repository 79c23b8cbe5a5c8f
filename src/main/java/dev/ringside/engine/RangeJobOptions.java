package dev.ringside.engine;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import java.time.Duration;

/**
 * Options shared by counts and exports.
 *
 * @param splits       target number of ranges (at least one per vnode range)
 * @param parallelism  range queries in flight; 0 means the default, 2 × live nodes, capped at the number of ranges
 * @param consistency  read consistency level
 * @param rangeTimeout client timeout of one range query (count) or one page (export)
 * @param maxAttempts  tries per range before it is halved (count, on timeouts) or failed
 * @param startToken   only tokens greater than this, or {@code null} for the ring's start
 * @param endToken     only tokens up to this one, inclusive, or {@code null} for the ring's end
 */
public record RangeJobOptions(int splits, int parallelism, ConsistencyLevel consistency, Duration rangeTimeout,
                              int maxAttempts, Long startToken, Long endToken) {

    public static final int DEFAULT_SPLITS = 256;

    public RangeJobOptions {
        if (splits < 1 || splits > RangePlanner.MAX_SPLITS) {
            throw new IllegalArgumentException("--splits must be between 1 and " + RangePlanner.MAX_SPLITS
                    + " (got " + splits + "); more splits make smaller queries, 256 is a good start.");
        }
        if (parallelism < 0) {
            throw new IllegalArgumentException("--parallelism must be 1 or more (got " + parallelism
                    + "); leave it out for the default, 2 × live nodes.");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (startToken != null && endToken != null && startToken >= endToken) {
            throw new IllegalArgumentException("--start-token (" + startToken + ") must be lower than --end-token ("
                    + endToken + ").");
        }
    }

    public static RangeJobOptions defaults() {
        return new RangeJobOptions(DEFAULT_SPLITS, 0, DefaultConsistencyLevel.LOCAL_ONE, Duration.ofSeconds(60), 4,
                null, null);
    }

    public RangeJobOptions withSplits(int value) {
        return new RangeJobOptions(value, parallelism, consistency, rangeTimeout, maxAttempts, startToken, endToken);
    }

    public RangeJobOptions withParallelism(int value) {
        return new RangeJobOptions(splits, value, consistency, rangeTimeout, maxAttempts, startToken, endToken);
    }

    public RangeJobOptions withConsistency(ConsistencyLevel value) {
        return new RangeJobOptions(splits, parallelism, value, rangeTimeout, maxAttempts, startToken, endToken);
    }

    public RangeJobOptions withRangeTimeout(Duration value) {
        return new RangeJobOptions(splits, parallelism, consistency, value, maxAttempts, startToken, endToken);
    }

    public RangeJobOptions withMaxAttempts(int value) {
        return new RangeJobOptions(splits, parallelism, consistency, rangeTimeout, value, startToken, endToken);
    }

    public RangeJobOptions withTokenBounds(Long start, Long end) {
        return new RangeJobOptions(splits, parallelism, consistency, rangeTimeout, maxAttempts, start, end);
    }

    /** The parallelism to use for a plan of {@code ranges} ranges on {@code liveNodes} live nodes. */
    public int effectiveParallelism(int ranges, int liveNodes) {
        int wanted = parallelism > 0 ? parallelism : 2 * Math.max(1, liveNodes);
        return Math.max(1, Math.min(wanted, ranges));
    }
}
