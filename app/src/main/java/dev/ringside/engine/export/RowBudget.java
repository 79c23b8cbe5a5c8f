package dev.ringside.engine.export;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows a limited export may still write, shared by its writers: each row written takes one, so the files hold
 * exactly the limit (or every row, when the table has fewer). Readers stop fetching once it is spent.
 */
final class RowBudget {

    private final AtomicLong left;
    private final boolean unlimited;

    private RowBudget(long left, boolean unlimited) {
        this.left = new AtomicLong(left);
        this.unlimited = unlimited;
    }

    static RowBudget unlimited() {
        return new RowBudget(Long.MAX_VALUE, true);
    }

    /** A limit of {@code limit} rows of which {@code written} are already in the files (a resumed export). */
    static RowBudget of(long limit, long written) {
        return new RowBudget(Math.max(0, limit - written), false);
    }

    /** Takes one row; false when none is left. */
    boolean take() {
        if (unlimited) {
            return true;
        }
        while (true) {
            long now = left.get();
            if (now <= 0) {
                return false;
            }
            if (left.compareAndSet(now, now - 1)) {
                return true;
            }
        }
    }

    boolean spent() {
        return !unlimited && left.get() <= 0;
    }
}
