package dev.ringside.app.spark.run;

/** A token range {@code (start, end]} that one Spark task reads. */
public record TokenSpan(long start, long end) {

    /** Its share of the Murmur3 ring, 0..1. */
    public double fraction() {
        return ((double) end - (double) start) / Math.pow(2, 64);
    }
}
