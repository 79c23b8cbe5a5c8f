package dev.ringside.engine.count;

import dev.ringside.cluster.TableInfo;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.run.RangeOutcome;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end of a count. The number is exact only when {@link #complete()}; otherwise {@link #failedRanges()} says which
 * ranges are missing and why. {@link #topPartitions()} holds the partitions with the most rows when they were asked
 * for, most rows first.
 */
public record CountResult(TableInfo table, long rows, List<RangeOutcome> ranges, int parallelism, Duration elapsed,
                          boolean cancelled, List<HotPartition> topPartitions) {

    public CountResult {
        ranges = List.copyOf(ranges);
        topPartitions = List.copyOf(topPartitions);
    }

    public CountResult(TableInfo table, long rows, List<RangeOutcome> ranges, int parallelism, Duration elapsed,
                       boolean cancelled) {
        this(table, rows, ranges, parallelism, elapsed, cancelled, List.of());
    }

    public boolean complete() {
        return !cancelled && ranges.stream().allMatch(r -> r.state() == RangeState.DONE);
    }

    public List<RangeOutcome> failedRanges() {
        return ranges.stream().filter(r -> r.state() == RangeState.FAILED).toList();
    }

    public long unfinishedRanges() {
        return ranges.stream().filter(r -> r.state() != RangeState.DONE).count();
    }

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    public double rowsPerSecond() {
        double s = seconds();
        return s > 0 ? rows / s : 0;
    }

    /** Rows per serving node, sorted by node address. */
    public Map<String, Long> rowsPerNode() {
        Map<String, Long> byNode = new TreeMap<>();
        for (RangeOutcome r : ranges) {
            if (r.state() == RangeState.DONE) {
                byNode.merge(r.node(), r.rows(), Long::sum);
            }
        }
        return byNode;
    }
}
