package dev.ringside.engine.run;

/**
 * A global rows-per-second limit. Each page that arrives adds its rows' worth of time to a shared schedule; every
 * fetch, a range's first page included, waits until the schedule has caught up. Bursts are bounded by the pages in
 * flight, and the export keeps the rate on average whatever the range sizes.
 */
public final class Throttle {

    private final long rowsPerSecond;
    private long nextFreeNanos;

    public Throttle(long rowsPerSecond) {
        this.rowsPerSecond = rowsPerSecond;
    }

    public boolean active() {
        return rowsPerSecond > 0;
    }

    /** Records a page of {@code rows} that just arrived. */
    public synchronized void record(long rows, long nowNanos) {
        if (rowsPerSecond <= 0 || rows <= 0) {
            return;
        }
        nextFreeNanos = Math.max(nowNanos, nextFreeNanos) + rows * 1_000_000_000L / rowsPerSecond;
    }

    /** Nanoseconds a fetch must wait now. */
    public synchronized long delay(long nowNanos) {
        return rowsPerSecond <= 0 ? 0 : Math.max(0, nextFreeNanos - nowNanos);
    }

    /** The page size to use under this limit: at most a tenth of a second's rows, so bursts stay small. */
    public int pageSize(int requested) {
        return rowsPerSecond <= 0 ? requested : (int) Math.max(50, Math.min(requested, rowsPerSecond / 10));
    }
}
