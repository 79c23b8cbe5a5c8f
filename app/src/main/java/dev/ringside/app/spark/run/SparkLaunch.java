package dev.ringside.app.spark.run;

import dev.ringside.app.history.JobKind;
import dev.ringside.app.spark.SparkSubmit;

import java.nio.file.Path;
import java.util.Map;

/**
 * One launch of Ringside's Spark job from the app.
 *
 * @param sparkHome   the Spark installation whose {@code bin/spark-submit} runs it
 * @param submit      what to submit: the same line that "Run on Spark…" shows, less any password file
 * @param kind        export or count, to read the job's result
 * @param environment variables for spark-submit's process (the cluster's password, never on its command line)
 * @param workFolder  where the driver's output and the splits file go; the log stays there for the user
 */
public record SparkLaunch(Path sparkHome, SparkSubmit submit, JobKind kind, Map<String, String> environment,
                          Path workFolder) {

    public SparkLaunch {
        environment = Map.copyOf(environment);
    }

    /** What the driver prints: the job's result on stdout. */
    public Path stdout() {
        return workFolder.resolve("driver-stdout.log");
    }

    /** spark-submit's log and the job's error, on stderr. */
    public Path stderr() {
        return workFolder.resolve("driver.log");
    }

    /** The token ranges each task reads, written by the job's driver for the ring view. */
    public Path splitsFile() {
        return workFolder.resolve("splits.json");
    }
}
