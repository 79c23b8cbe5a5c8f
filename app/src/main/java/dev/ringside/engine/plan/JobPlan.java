package dev.ringside.engine.plan;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.engine.JobException;
import dev.ringside.engine.Parallelism;
import dev.ringside.engine.RangeJobOptions;

import java.util.List;

/**
 * The ranges of a new job and how many run at once: the ring of the keyspace as the driver sees it, clipped to the
 * job's token bounds and split to its split count; parallelism fixed as asked, or "auto" from twice the live local
 * nodes, never more than there are ranges. Count, export and the benchmark plan the same way.
 *
 * @param ranges     the planned ranges, in token order
 * @param concurrency range queries in flight: fixed, or auto's start and maximum
 */
public record JobPlan(List<PlannedRange> ranges, Parallelism concurrency) {

    public JobPlan {
        ranges = List.copyOf(ranges);
    }

    /** With a fixed parallelism. */
    public JobPlan(List<PlannedRange> ranges, int parallelism) {
        this(ranges, Parallelism.fixed(parallelism));
    }

    /** Range queries in flight at first (always, when fixed). */
    public int parallelism() {
        return concurrency.start();
    }

    public static JobPlan of(CqlSession session, String keyspace, RangeJobOptions options) throws JobException {
        RingReader ring = new RingReader(session);
        List<PlannedRange> ranges = new RangePlanner().plan(
                ring.ownedRanges(keyspace, options.startToken(), options.endToken()), options.splits());
        return new JobPlan(ranges, options.parallelismFor(ranges.size(), ring.liveNodes()));
    }
}
