package dev.ringside.engine.run;

import dev.ringside.engine.plan.PlannedRange;

/** Lets tests in other packages make the piece a runner would hand to a range's work. */
public final class RangePieces {

    private RangePieces() {
    }

    /** The whole planned range, first attempt. */
    public static RangePiece whole(PlannedRange range) {
        return new RangePiece(range, range.range(), 0);
    }
}
