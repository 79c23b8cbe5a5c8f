package dev.ringside.ui.common.job;

import dev.ringside.app.ClusterConnection;
import dev.ringside.engine.progress.ProgressListener;
import dev.ringside.engine.run.JobHandle;

/** Asks the connection to start one job (planning included: it blocks until the engine hands out its handle). */
@FunctionalInterface
public interface JobStarter<R> {

    JobHandle<R> start(ClusterConnection connection, ProgressListener progress) throws Exception;
}
