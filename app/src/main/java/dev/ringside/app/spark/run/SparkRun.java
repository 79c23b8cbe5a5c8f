package dev.ringside.app.spark.run;

import java.util.concurrent.CompletableFuture;

/** A Spark application the app launched: its end, and a way to stop it. */
public interface SparkRun {

    /** Completes once the application has ended, however it ended; never exceptionally. */
    CompletableFuture<SparkRunResult> result();

    /** Asks the application to stop, and ends spark-submit's process if it does not stop soon. */
    void cancel();
}
