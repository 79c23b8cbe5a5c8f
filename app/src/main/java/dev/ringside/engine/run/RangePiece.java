package dev.ringside.engine.run;

import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;

/**
 * A planned range, or a part of one after halving, and the attempts made at it so far.
 * Touched by one thread at a time: the runner hands it to exactly one attempt.
 */
public final class RangePiece {

    private final PlannedRange root;
    private final TokenRange part;
    private final int depth;
    private int attempts;

    RangePiece(PlannedRange root, TokenRange part, int depth) {
        this.root = root;
        this.part = part;
        this.depth = depth;
    }

    /** The planned range this piece belongs to. */
    public PlannedRange root() {
        return root;
    }

    public int rangeId() {
        return root.id();
    }

    /** The tokens to read now: the whole planned range, or a half of it. */
    public TokenRange part() {
        return part;
    }

    /** Halvings from the planned range, 0 for the range itself. */
    public int depth() {
        return depth;
    }

    /** Attempts already made (0 on the first). */
    public int attempts() {
        return attempts;
    }

    void countAttempt() {
        attempts++;
    }
}
