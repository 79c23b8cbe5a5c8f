package dev.ringside.app.history;

import dev.ringside.engine.Consistency;
import dev.ringside.engine.RangeJobOptions;

import java.time.Duration;

/**
 * Every value of a job's {@link RangeJobOptions}, as {@code history.json} keeps them (plain values, so the file does
 * not change shape when the engine's record does).
 */
public record RangeOptionsEntry(int splits, int parallelism, String consistency, long rangeTimeoutMillis,
                                int maxAttempts, Long startToken, Long endToken, int maxParallelism) {

    /** Without a maximum for "auto" parallelism (parallelism 0). */
    public RangeOptionsEntry(int splits, int parallelism, String consistency, long rangeTimeoutMillis, int maxAttempts,
                             Long startToken, Long endToken) {
        this(splits, parallelism, consistency, rangeTimeoutMillis, maxAttempts, startToken, endToken, 0);
    }

    public static RangeOptionsEntry of(RangeJobOptions o) {
        return new RangeOptionsEntry(o.splits(), o.parallelism(), o.consistency().name(), o.rangeTimeout().toMillis(),
                o.maxAttempts(), o.startToken(), o.endToken(), o.maxParallelism());
    }

    /**
     * The options again; values an older file did not keep (0 or null) take the defaults. Parallelism 0 is "auto"
     * (older files wrote 0 for the default, which is auto now).
     */
    public RangeJobOptions toOptions() {
        RangeJobOptions d = RangeJobOptions.defaults();
        return new RangeJobOptions(splits, parallelism,
                consistency == null ? d.consistency() : Consistency.valueOf(consistency),
                rangeTimeoutMillis > 0 ? Duration.ofMillis(rangeTimeoutMillis) : d.rangeTimeout(),
                maxAttempts > 0 ? maxAttempts : d.maxAttempts(), startToken, endToken, Math.max(0, maxParallelism));
    }
}
