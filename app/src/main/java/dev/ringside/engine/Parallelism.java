package dev.ringside.engine;

/**
 * How many range queries a job runs at once: a fixed number, or "auto", which starts at {@code start} and is tuned
 * while the job runs, never above {@code max}.
 *
 * @param start range queries in flight at first (the only value when fixed)
 * @param max   the most it may run at once (equal to {@code start} when fixed)
 * @param auto  whether the job tunes it
 */
public record Parallelism(int start, int max, boolean auto) {

    public Parallelism {
        if (start < 1 || max < start) {
            throw new IllegalArgumentException("Parallelism needs 1 <= start <= max (got start " + start + ", max "
                    + max + ").");
        }
    }

    public static Parallelism fixed(int value) {
        return new Parallelism(value, value, false);
    }

    /** No more at once than there are ranges (a sample reads fewer ranges than were planned). */
    public Parallelism atMost(int ranges) {
        int cap = Math.max(1, ranges);
        return max <= cap ? this : new Parallelism(Math.min(start, cap), cap, auto);
    }
}
