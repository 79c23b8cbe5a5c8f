package dev.ringside.ui.spark;

import dev.ringside.app.history.JobSpec;

import java.util.Optional;

/** What the count and export screens' "Run on Spark…" buttons call: a window for the job as set up. */
@FunctionalInterface
public interface SparkOpener {

    void open(JobSpec job, Optional<String> password);
}
