package dev.ringside.app.spark.run;

import dev.ringside.engine.progress.ProgressSnapshot;

/**
 * A picture of a launched Spark job, in the same form as Ringside's own jobs' progress so the same live view shows it.
 *
 * @param state    the application's state
 * @param appId    Spark's application id, or {@code null} before Spark gave one
 * @param uiUrl    the driver's web UI, where the REST API answers
 * @param snapshot tasks as ranges, rows read where the connector reports them, and the ring of finished splits
 *                 where the job wrote which token ranges each task reads
 */
public record SparkProgress(SparkRunState state, String appId, String uiUrl, ProgressSnapshot snapshot) {
}
