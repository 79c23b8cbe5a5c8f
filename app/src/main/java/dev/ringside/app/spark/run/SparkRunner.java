package dev.ringside.app.spark.run;

import java.io.IOException;
import java.util.function.Consumer;

/** Launches Ringside's Spark job and follows it (an in-memory fake serves the view-model tests). */
public interface SparkRunner {

    /**
     * Starts the job; {@code progress} hears from a background thread about once a second until the end.
     *
     * @throws IOException when spark-submit cannot be started (no such Spark home …)
     */
    SparkRun launch(SparkLaunch launch, Consumer<SparkProgress> progress) throws IOException;
}
