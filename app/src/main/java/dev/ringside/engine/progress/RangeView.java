package dev.ringside.engine.progress;

import java.time.Duration;

/**
 * A range as the progress views see it (the ring view draws one arc per range).
 *
 * @param id       the planned range's id
 * @param start    first token (exclusive unless it is the ring's minimum)
 * @param end      last token, inclusive
 * @param fraction the range's share of the ring, 0..1
 * @param state    pending, running, done or failed
 * @param rows     rows counted or written for it so far
 * @param node     address of the replica that served it last, or {@code ""} before it starts
 * @param duration time since its first query (so far while it runs), 0 before it starts
 */
public record RangeView(int id, long start, long end, double fraction, RangeState state, long rows, String node,
                        Duration duration) {

    public RangeView {
        duration = duration == null ? Duration.ZERO : duration;
    }

    public RangeView(int id, long start, long end, double fraction, RangeState state, long rows, String node) {
        this(id, start, end, fraction, state, rows, node, Duration.ZERO);
    }

    /** Rows per token of its span: comparable between ranges of different sizes (skew). */
    public double rowsPerToken() {
        double span = (double) end - (double) start;
        return span > 0 ? rows / span : 0;
    }
}
