package dev.ringside.app.spark.run;

/** Where a launched Spark application is, as Spark's launcher reports it. */
public enum SparkRunState {
    /** spark-submit is starting, not yet connected back. */
    STARTING,
    /** Submitted to the master, waiting for resources. */
    SUBMITTED,
    RUNNING,
    FINISHED,
    FAILED,
    KILLED,
    /** spark-submit ended without saying how the application ended. */
    LOST;

    public boolean isFinal() {
        return this == FINISHED || this == FAILED || this == KILLED || this == LOST;
    }
}
