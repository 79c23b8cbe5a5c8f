package dev.ringside.app.spark;

import java.util.List;
import java.util.stream.Collectors;

/** The job asks for what the Spark job cannot do: nothing is launched. The message says what, and what to do. */
public final class NotOnSparkException extends IllegalArgumentException {

    private final List<SparkGap> gaps;

    public NotOnSparkException(List<SparkGap> gaps) {
        super("Not available on Spark: " + gaps.stream().map(SparkGap::words).collect(Collectors.joining("; "))
                + ". Clear " + (gaps.size() == 1 ? "it" : "them") + " to run the job on Spark, or run it with Ringside itself.");
        this.gaps = List.copyOf(gaps);
    }

    /** What the job asked for that Spark cannot do, in the order found. */
    public List<SparkGap> gaps() {
        return gaps;
    }
}
