package dev.ringside.engine.export;

/** A global rows-per-second limit: each page reserves time for its rows; the next fetch waits that long. */
final class Throttle {

    private final long rowsPerSecond;
    private long nextFreeNanos;

    Throttle(long rowsPerSecond) {
        this.rowsPerSecond = rowsPerSecond;
    }

    /** Nanoseconds to wait before the next fetch, after a page of {@code rows}. */
    synchronized long reserve(long rows, long nowNanos) {
        if (rowsPerSecond <= 0 || rows <= 0) {
            return 0;
        }
        long start = Math.max(nowNanos, nextFreeNanos);
        nextFreeNanos = start + rows * 1_000_000_000L / rowsPerSecond;
        return Math.max(0, start - nowNanos);
    }
}
