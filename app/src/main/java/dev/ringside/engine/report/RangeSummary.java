package dev.ringside.engine.report;

import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.run.RangeOutcome;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a job's ranges say about the table's spread: rows per serving node, and the densest and sparsest ranges by
 * rows per token of their span (a range twice as dense as the average holds twice its share of the ring's rows).
 *
 * @param rowsPerNode  rows of the finished ranges by the replica that served them, sorted by node
 * @param densest      the finished range with the most rows per token, if any finished
 * @param sparsest     the finished range with the fewest rows per token, if any finished
 * @param meanDensity  rows per token over all finished ranges together (0 when none finished)
 */
public record RangeSummary(Map<String, Long> rowsPerNode, Optional<RangeOutcome> densest,
                           Optional<RangeOutcome> sparsest, double meanDensity) {

    public RangeSummary {
        // Map.copyOf would lose the order the report promises (its iteration order is unspecified).
        rowsPerNode = Collections.unmodifiableMap(new TreeMap<>(rowsPerNode));
    }

    public static RangeSummary of(List<RangeOutcome> ranges) {
        Map<String, Long> byNode = new TreeMap<>();
        List<RangeOutcome> done = ranges.stream().filter(r -> r.state() == RangeState.DONE).toList();
        double rows = 0;
        double tokens = 0;
        for (RangeOutcome r : done) {
            byNode.merge(r.node() == null ? "" : r.node(), r.rows(), Long::sum);
            rows += r.rows();
            tokens += span(r);
        }
        Comparator<RangeOutcome> byDensity = Comparator.comparingDouble(RangeSummary::density);
        return new RangeSummary(byNode, done.stream().max(byDensity), done.stream().min(byDensity),
                tokens > 0 ? rows / tokens : 0);
    }

    /** Rows per token of the range's span. */
    public static double density(RangeOutcome r) {
        double span = span(r);
        return span > 0 ? r.rows() / span : 0;
    }

    /** How many times the mean density this range has: 1 is even, 3 is three times its share. */
    public double relativeDensity(RangeOutcome r) {
        return meanDensity > 0 ? density(r) / meanDensity : 0;
    }

    private static double span(RangeOutcome r) {
        return r.range().span().doubleValue();
    }
}
