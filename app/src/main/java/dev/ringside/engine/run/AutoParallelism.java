package dev.ringside.engine.run;

/**
 * Chooses how many range queries run at once while a job runs ("auto" parallelism), from what the job measures:
 * rows per second, the servers' latency per query or page, and timeouts or overload errors.
 *
 * <p>It is additive-increase, multiplicative-decrease: starting from the default (2 × live nodes) it probes one
 * step up; a step that raises throughput by {@link #GAIN} or more is kept and followed by another, a step that does
 * not is undone and the value held for {@link #HOLD_TICKS} decisions before probing again (the servers are the
 * limit there, and more queries would only queue). A timeout or overload error halves the value at once and caps
 * further probes just below the value it happened at; latency above {@link #LATENCY_LIMIT} times the lowest seen
 * also steps it down, before the servers start timing out. It never leaves {@code [1, max]}.
 *
 * <p>The class is a pure function of the ticks fed to it (time and rows passed in), so tests drive it with a fake
 * clock and a fake cluster. Not thread-safe: the job's timer thread feeds ticks, and error and latency reports
 * arrive through {@link RangeExecution}, which synchronizes.
 */
public final class AutoParallelism {

    /** Throughput gain that makes a step up worth keeping. */
    static final double GAIN = 1.05;
    /** Decisions to wait after a step was undone, or after a back-off, before probing up again. */
    static final int HOLD_TICKS = 4;
    /** Latency, as a multiple of the lowest interval average seen, above which the servers are queueing. */
    static final double LATENCY_LIMIT = 3.0;
    /** Decisions between lifting the cap set by a back-off by one step, so a passing hiccup is not final. */
    static final int CAP_RELEASE_TICKS = 20;

    private enum Step { NONE, UP }

    private final int max;
    private int current;
    private int cap;
    private int hold;
    private int sinceCapChange;
    private Step lastStep = Step.NONE;
    private int before;
    private double rateBefore;

    private boolean started;
    private long lastNanos;
    private long lastRows;
    private int errors;
    private long latencySumNanos;
    private long latencyCount;
    private double lowestLatency = Double.MAX_VALUE;
    private int changes;

    /**
     * @param start the first value (the default, 2 × live nodes, within bounds)
     * @param max   the highest value it may choose: the user's maximum, or the default ceiling, at most the ranges
     */
    public AutoParallelism(int start, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("The maximum parallelism must be at least 1 (got " + max + ").");
        }
        this.max = max;
        this.cap = max;
        this.current = Math.max(1, Math.min(start, max));
    }

    public int current() {
        return current;
    }

    public int max() {
        return max;
    }

    /** Times the value changed so far. */
    public int changes() {
        return changes;
    }

    /** A query or page timed out, or a server said it is overloaded. */
    public void overloaded() {
        errors++;
    }

    /** A query or page came back after {@code nanos}. */
    public void latency(long nanos) {
        latencySumNanos += nanos;
        latencyCount++;
    }

    /**
     * One decision, at {@code nowNanos} with {@code rows} rows done in all so far; returns the value to use from
     * now on.
     */
    public int tick(long nowNanos, long rows) {
        if (!started) {
            started = true;
            lastNanos = nowNanos;
            lastRows = rows;
            resetInterval();
            return current;
        }
        double seconds = (nowNanos - lastNanos) / 1e9;
        if (seconds <= 0) {
            return current;
        }
        double rate = (rows - lastRows) / seconds;
        double latency = latencyCount == 0 ? Double.NaN : (double) latencySumNanos / latencyCount;
        int errorsNow = errors;
        lastNanos = nowNanos;
        lastRows = rows;
        resetInterval();
        if (++sinceCapChange >= CAP_RELEASE_TICKS && cap < max) {
            cap++;
            sinceCapChange = 0;
        }

        if (errorsNow > 0) {
            // Multiplicative decrease, and no probing back up to where the servers gave up for a while.
            cap = Math.max(1, current - 1);
            sinceCapChange = 0;
            set(Math.max(1, current / 2));
            lastStep = Step.NONE;
            hold = HOLD_TICKS;
            return current;
        }
        if (rate <= 0) {
            return current; // nothing written yet (first pages in flight), or the job is ending: nothing to learn
        }
        if (!Double.isNaN(latency)) {
            lowestLatency = Math.min(lowestLatency, latency);
            if (latency > LATENCY_LIMIT * lowestLatency && current > 1) {
                set(current - 1);
                lastStep = Step.NONE;
                hold = HOLD_TICKS;
                return current;
            }
        }
        if (lastStep == Step.UP) {
            lastStep = Step.NONE;
            if (rate >= rateBefore * GAIN) {
                return probe(rate);
            }
            set(before); // no gain: the servers are the limit
            hold = HOLD_TICKS;
            return current;
        }
        if (hold > 0) {
            hold--;
            return current;
        }
        return probe(rate);
    }

    /** One additive step up, remembering where it started and the rate there. */
    private int probe(double rate) {
        int up = Math.min(cap, current + step());
        if (up <= current) {
            return current;
        }
        before = current;
        rateBefore = rate;
        lastStep = Step.UP;
        set(up);
        return current;
    }

    /** A quarter of the value, at least one: small steps at low values, and a few decisions to double a large one. */
    private int step() {
        return Math.max(1, current / 4);
    }

    private void set(int value) {
        int bounded = Math.max(1, Math.min(max, value));
        if (bounded != current) {
            current = bounded;
            changes++;
        }
    }

    private void resetInterval() {
        errors = 0;
        latencySumNanos = 0;
        latencyCount = 0;
    }
}
