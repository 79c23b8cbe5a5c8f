package dev.ringside.app.spark.run;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a launched job ended.
 *
 * @param state   FINISHED only when the job printed its whole result
 * @param rows    rows counted or exported; -1 unless the job finished
 * @param elapsed from launch to end
 * @param message the job's own words on a failure ("ringside-spark: …"), or a summary
 * @param log     spark-submit's log, kept for the user
 */
public record SparkRunResult(SparkRunState state, long rows, Duration elapsed, String message, Path log) {

    public boolean succeeded() {
        return state == SparkRunState.FINISHED && rows >= 0;
    }
}
